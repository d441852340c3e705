import type {
  Feedback,
  Project,
  zFeedbackInput,
  zProjectInput,
  zProjectListQuery,
  zProjectUpdate,
} from '@komek/domain';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { versionConflict } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, assertCan, authorize } from '../../platform/policy.ts';
import * as repo from './border-projects.repo.ts';

const sealContext = { verbatim: (id: string) => `project_feedback.verbatim:${id}` };
const NONE = { positive: 0, mixed: 0, negative: 0 };

type FeedbackRow = Awaited<ReturnType<typeof repo.feedbackOf>>[number];

export const presentFeedback = (platform: Platform, { feedback, byName }: FeedbackRow): Feedback => ({
  id: feedback.id,
  receivedOn: feedback.receivedOn,
  sentiment: feedback.sentiment,
  topic: feedback.topic,
  verbatim: platform.cipher.decrypt(feedback.verbatimEnc, sealContext.verbatim(feedback.id)),
  sex: feedback.sex as Feedback['sex'],
  age: feedback.age as Feedback['age'],
  byName,
});

export async function presentProjects(
  platform: Platform,
  rows: repo.ProjectRow[],
  options: { feedback?: boolean } = {},
): Promise<Project[]> {
  const db = platform.database.db;
  const counts = await repo.sentimentCounts(
    db,
    rows.map((r) => r.id),
  );
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      title: r.title,
      implementer: r.implementer,
      implementerKind: r.implementerKind as Project['implementerKind'],
      sector: r.sector,
      description: r.description,
      districtId: r.districtId,
      community: r.community,
      segment: r.segment,
      latitude: r.latitude,
      longitude: r.longitude,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      budget: r.budget,
      currency: r.currency as Project['currency'],
      status: r.status,
      feedbackCounts: counts.get(r.id) ?? NONE,
      feedback: options.feedback
        ? (await repo.feedbackOf(db, r.id)).map((f) => presentFeedback(platform, f))
        : [],
      version: r.version,
    })),
  );
}

export const presentProject = async (platform: Platform, row: repo.ProjectRow) =>
  (await presentProjects(platform, [row], { feedback: true }))[0]!;

const columnsOf = ({ version: _v, id: _id, ...fields }: z.output<typeof zProjectUpdate> & { id?: string }) =>
  fields;

export async function addProject(platform: Platform, actor: Actor, input: z.output<typeof zProjectInput>) {
  authorize(actor, 'monitoring.record');
  return repo.insertProject(platform.database.db, {
    id: input.id ?? uuidv7(),
    orgId: actor.orgId,
    ...columnsOf({ ...input, version: 0 }),
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
}

export async function getProject(
  platform: Platform,
  actor: Actor,
  id: string,
  permission: 'monitoring.read' | 'monitoring.record' = 'monitoring.read',
) {
  const row = await repo.findProject(platform.database.db, id);
  assertCan(actor, permission, row && { orgId: row.orgId, officeId: null, ownerId: row.createdBy });
  return row!;
}

export function listProjects(platform: Platform, actor: Actor, query: z.output<typeof zProjectListQuery>) {
  authorize(actor, 'monitoring.read');
  return repo.listProjects(platform.database.db, actor.orgId, query);
}

export async function updateProject(
  platform: Platform,
  actor: Actor,
  id: string,
  input: z.output<typeof zProjectUpdate>,
) {
  const current = await getProject(platform, actor, id, 'monitoring.record');
  const row = await repo.updateProject(platform.database.db, id, input.version, {
    ...columnsOf(input),
    updatedBy: actor.userId,
  });
  if (!row) throw versionConflict(current.version);
  return row;
}

/** A resident's word on the measure: who they are in counts' terms, what they said sealed. */
export async function addFeedback(
  platform: Platform,
  actor: Actor,
  projectId: string,
  input: z.output<typeof zFeedbackInput>,
) {
  const project = await getProject(platform, actor, projectId, 'monitoring.record');
  const id = input.id ?? uuidv7();
  const row = await repo.insertFeedback(platform.database.db, {
    id,
    projectId,
    receivedOn: input.receivedOn,
    sentiment: input.sentiment,
    topic: input.topic,
    verbatimEnc: platform.cipher.encrypt(input.verbatim, sealContext.verbatim(id)),
    sex: input.sex,
    age: input.age,
    by: actor.userId,
  });
  return { project, feedback: presentFeedback(platform, { feedback: row, byName: null }) };
}
