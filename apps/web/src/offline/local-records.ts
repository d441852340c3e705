import {
  type BodyOf,
  type Case,
  type CaseActivity,
  casesApi,
  type Intervention,
  type Note,
  needsWithDisability,
  type Person,
  type PersonSummary,
  type personsApi,
  type SessionUser,
  type Task,
} from '@komek/domain';
import { urlOf } from '../app/api.ts';
import { amend, recall, remember } from './answers.ts';

/**
 * Records as the server will present them, built on the device for a change that waits in the
 * outbox, so that the screens can show (and build on) what was written offline. The server's own
 * answer replaces each one when the change is delivered.
 */
const now = () => new Date().toISOString();
const precisionOf = (date: string | null | undefined) =>
  !date ? null : date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';

export function localPerson(
  input: BodyOf<typeof personsApi.register>,
  id: string,
  user: SessionUser,
): Person {
  const birthDate = input.birthDate ?? null;
  return {
    id,
    orgId: user.orgId,
    officeId: user.officeId,
    givenName: input.givenName,
    familyName: input.familyName,
    patronymic: input.patronymic ?? null,
    latinName: input.latinName ?? null,
    aliases: input.aliases ?? [],
    sex: input.sex,
    birthDate,
    birthPrecision: precisionOf(birthDate) as Person['birthPrecision'],
    age: input.estimatedAge ?? null,
    placeOfBirth: input.placeOfBirth ?? null,
    languages: input.languages ?? [],
    phone: input.phone ?? null,
    messaging: input.messaging ?? null,
    districtId: input.districtId ?? null,
    communityId: input.communityId ?? null,
    address: input.address ?? null,
    nationalityStatus: input.nationalityStatus,
    nationalityCountry: input.nationalityCountry ?? null,
    populationType: input.populationType,
    // The server's own rule: answers of "a lot of difficulty" or worse count as a disability.
    specificNeeds: needsWithDisability(
      input.specificNeeds ?? [],
      input.washingtonGroup,
    ) as Person['specificNeeds'],
    washingtonGroup: input.washingtonGroup ?? {},
    hasDisability: needsWithDisability(input.specificNeeds ?? [], input.washingtonGroup).includes(
      'disability',
    ),
    householdId: null,
    mergedInto: null,
    documents: [],
    consents: [],
    createdAt: now(),
    version: 1,
  };
}

export const summaryOf = (p: Person): PersonSummary => ({
  id: p.id,
  orgId: p.orgId,
  givenName: p.givenName,
  familyName: p.familyName,
  patronymic: p.patronymic,
  latinName: p.latinName,
  sex: p.sex,
  birthDate: p.birthDate,
  birthPrecision: p.birthPrecision,
  age: p.age,
  districtId: p.districtId,
  nationalityStatus: p.nationalityStatus,
  populationType: p.populationType,
});

export async function localCase(
  input: BodyOf<typeof casesApi.open>,
  id: string,
  user: SessionUser,
): Promise<Case> {
  const persons: PersonSummary[] = [];
  for (const personId of input.personIds) {
    const p = await recall<Person>(`/api/persons/${personId}`);
    if (p) persons.push(summaryOf(p));
  }
  const main = persons[0];
  const mine = user.role === 'lawyer' || user.role === 'field_worker';
  return {
    id,
    orgId: user.orgId,
    officeId: user.officeId,
    // The organisation numbers a case when it arrives; until then the screens say so.
    caseNumber: '',
    status: 'intake',
    priority: input.priority ?? 'normal',
    problems: input.problems,
    restricted: input.problems.includes('trafficking_exploitation'),
    summary: input.summary ?? null,
    assignedTo: input.assignedTo ?? (mine ? user.id : null),
    assignedName: input.assignedTo ? null : mine ? user.displayName : null,
    outcome: null,
    closeRequested: null,
    pendingAuthority: null,
    eligibility: input.eligibility ?? [],
    eligibilityOverrideReason: input.eligibilityOverrideReason ?? null,
    openedAt: now(),
    closedAt: null,
    persons,
    populationType: main?.populationType ?? null,
    districtId: main?.districtId ?? null,
    overdueTasks: 0,
    createdAt: now(),
    version: 1,
  };
}

const emptyActivity: CaseActivity = { interventions: [], notes: [], tasks: [], hearings: [], events: [] };

/** A new case's page offline: the case, its empty activity, and its place on its people's pages. */
export async function keepLocalCase(c: Case): Promise<void> {
  await remember(`/api/cases/${c.id}`, c);
  await remember(`/api/cases/${c.id}/activity`, emptyActivity);
  await remember(`/api/cases/${c.id}/attachments`, { items: [] });
  for (const p of c.persons) {
    await amend<{ items: Case[]; total: number }>(
      urlOf(casesApi.list, { query: { personId: p.id, limit: 100 } }),
      (old) => ({
        items: [c, ...(old?.items ?? [])],
        total: (old?.total ?? 0) + 1,
      }),
    );
  }
}

export function localIntervention(
  input: Omit<Intervention, 'id' | 'caseId' | 'createdBy' | 'createdAt' | 'summary'> & {
    summary?: string | null;
  },
  id: string,
  caseId: string,
  user: SessionUser,
): Intervention {
  return { ...input, summary: input.summary ?? null, id, caseId, createdBy: user.id, createdAt: now() };
}

export const localNote = (body: string, id: string, user: SessionUser): Note => ({
  id,
  body,
  createdBy: user.id,
  createdAt: now(),
});

/** Adds what was written offline to the case's kept activity, so the case page lists it. */
export async function keepInActivity(
  caseId: string,
  add: Partial<Pick<CaseActivity, 'interventions' | 'notes' | 'tasks'>>,
) {
  await amend<CaseActivity>(`/api/cases/${caseId}/activity`, (old) => {
    const base = old ?? emptyActivity;
    return {
      ...base,
      interventions: [...(add.interventions ?? []), ...base.interventions],
      notes: [...(add.notes ?? []), ...base.notes],
      tasks: [...base.tasks, ...(add.tasks ?? [])],
    };
  });
}

/** A task ticked (or unticked) offline, as the case page will show it. */
export async function keepTaskDone(caseId: string, taskId: string, done: boolean): Promise<Task> {
  let changed: Task | undefined;
  await amend<CaseActivity>(`/api/cases/${caseId}/activity`, (old) =>
    old
      ? {
          ...old,
          tasks: old.tasks.map((t) => {
            if (t.id !== taskId) return t;
            changed = {
              ...t,
              doneAt: done ? new Date().toISOString() : null,
              overdue: done ? false : t.overdue,
            };
            return changed;
          }),
        }
      : undefined,
  );
  if (!changed) throw new Error('task not kept on this device');
  return changed;
}

export async function keepLocalPerson(p: Person): Promise<void> {
  await remember(`/api/persons/${p.id}`, p);
  await remember(urlOf(casesApi.list, { query: { personId: p.id, limit: 100 } }), { items: [], total: 0 });
}
