import type { PersonInput } from '@komek/domain';
import type { Session, TestApp } from './harness.ts';

export const personInput = (overrides: Partial<PersonInput> = {}): PersonInput => ({
  givenName: 'Бакыт',
  familyName: 'Жумабаев',
  patronymic: null,
  latinName: 'Bakyt Zhumabaev',
  aliases: [],
  sex: 'male',
  birthDate: '1984',
  estimatedAge: null,
  placeOfBirth: 'Kara-Suu',
  languages: ['ky', 'ru'],
  phone: '+996 555 123 456',
  messaging: null,
  districtId: 'KG-O-KARASUU',
  communityId: null,
  address: 'ул. Ленина 5',
  nationalityStatus: 'undetermined_nationality',
  nationalityCountry: null,
  populationType: 'undetermined_nationality',
  specificNeeds: [],
  washingtonGroup: {},
  ...overrides,
});

export async function registerPerson(t: TestApp, session: Session, overrides: Partial<PersonInput> = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/persons',
    headers: session.headers,
    payload: personInput(overrides),
  });
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number };
}

export async function openCase(t: TestApp, session: Session, personIds: string[], extra: object = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: session.headers,
    payload: { personIds, problems: ['nationality_statelessness'], ...extra },
  });
  if (res.statusCode !== 201) throw new Error(`open case failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number; caseNumber: string; status: string };
}

/** Opens a case at intake and closes it with a won outcome, as a story needs. */
export async function closeCaseWon(t: TestApp, session: Session, c: { id: string; version: number }) {
  const opened = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${c.id}/transition`,
    headers: session.headers,
    payload: { version: c.version, to: 'open' },
  });
  const closed = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${c.id}/transition`,
    headers: session.headers,
    payload: { version: opened.json().version, to: 'closed', outcome: 'document_issued' },
  });
  if (closed.statusCode !== 200) throw new Error(`close failed: ${closed.statusCode} ${closed.body}`);
}
