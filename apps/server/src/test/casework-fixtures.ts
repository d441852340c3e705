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
    payload: { version: opened.json().version, to: 'closed', outcome: 'document_issued', openTasks: 'done' },
  });
  if (closed.statusCode !== 200) throw new Error(`close failed: ${closed.statusCode} ${closed.body}`);
}

const LIST_HEADER = 'id,first_name,last_name,patronymic,sex,date_of_birth';

/** Uploads an outside list (the `komek link` columns) of the given rows; answers the upload. */
export function uploadList(
  t: TestApp,
  session: Session,
  list: { name: string; filename: string; rows: string[] },
) {
  return t.app.inject({
    method: 'POST',
    url: '/api/lists',
    headers: session.headers,
    payload: {
      name: list.name,
      filename: list.filename,
      contentBase64: Buffer.from(`${[LIST_HEADER, ...list.rows].join('\n')}\n`).toString('base64'),
    },
  });
}

/** The rows of a list once the background matching has written them (waits up to five seconds). */
export async function matchedRows(
  t: TestApp,
  session: Session,
  listId: string,
): Promise<Array<{ id: string }>> {
  let rows: Array<{ id: string }> = [];
  for (let i = 0; i < 50 && rows.length === 0; i++) {
    await new Promise((r) => setTimeout(r, 100));
    rows = (
      await t.app.inject({ method: 'GET', url: `/api/lists/${listId}/rows`, headers: session.headers })
    ).json().items;
  }
  return rows;
}

/** Refers a case to a service with recorded consent, sharing the name; answers the request. */
export function sendReferral(
  t: TestApp,
  session: Session,
  caseId: string,
  referral: { serviceId: string; need: string; contact: string; consentScope: string; givenAt: string },
) {
  return t.app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/referrals`,
    headers: session.headers,
    payload: {
      serviceId: referral.serviceId,
      need: referral.need,
      contact: referral.contact,
      share: ['name'],
      consent: { kind: 'consent', scope: referral.consentScope, givenAt: referral.givenAt },
    },
  });
}

/** A PDF attached to a case through the API, as a lawyer uploads one; the attachment's id. */
export async function attachToCase(t: TestApp, session: Session, caseId: string, bytes: Buffer) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/attachments`,
    headers: session.headers,
    payload: { filename: 'a.pdf', mimeType: 'application/pdf', contentBase64: bytes.toString('base64') },
  });
  if (res.statusCode !== 201) throw new Error(`attachment: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}
