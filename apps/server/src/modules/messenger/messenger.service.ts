import {
  type MessengerAuthor,
  type MessengerGroup,
  type MessengerMessage,
  PHONE_PATTERN,
  zIntakeInput,
  type zMessageListQuery,
  type zMessageToIntake,
  type zMessengerAuthorUpdate,
  type zMessengerGroupInput,
  type zMessengerGroupUpdate,
} from '@komek/domain';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { openOptional } from '../../platform/crypto.ts';
import { AppError, fieldIssue, versionConflict } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, assertCan, scopeFilter } from '../../platform/policy.ts';
import { createIntake } from '../intake/intake.service.ts';
import { assertAssignee } from '../users/assignees.ts';
import * as repo from './messenger.repo.ts';

const ownership = (g: { orgId: string; officeId: string | null; keeperId: string | null }) => ({
  orgId: g.orgId,
  officeId: g.officeId,
  ownerId: g.keeperId,
});
export const sealContext = {
  author: (id: string) => `messenger_authors.name:${id}`,
  text: (id: string) => `messenger_messages.text:${id}`,
  original: (id: string) => `messenger_messages.original:${id}`,
};
export const invalid = (path: string, code: string, params?: Record<string, unknown>) =>
  new AppError('validation_failed', {
    issues: [{ ...fieldIssue(path, code), ...(params ? { params } : {}) }],
  });

/** How the export names a writer, the same however it was spaced or marked. */
export const authorKey = (platform: Platform, groupId: string, name: string) =>
  platform.cipher.lookupHash(
    name
      .replace(/[\u200e\u200f]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase(),
    `messenger.author:${groupId}`,
  );
const looksLikePhone = (name: string) => PHONE_PATTERN.test(name.trim());

export async function assertDistrict(platform: Platform, districtId: string) {
  const district = await repo.findDistrict(platform.database.db, districtId);
  if (!district) throw invalid('districtId', 'choose_option');
  return district;
}

export async function presentGroups(platform: Platform, rows: repo.GroupRow[]): Promise<MessengerGroup[]> {
  const counts = await repo.groupCounts(
    platform.database.db,
    rows.map((r) => r.id),
  );
  return rows.map((g) => {
    const c = counts.get(g.id);
    return {
      id: g.id,
      name: g.name,
      platform: g.platform,
      districtId: g.districtId,
      keepExports: g.keepExports,
      messages: c?.messages ?? 0,
      waiting: c?.waiting ?? 0,
      lastImportAt: g.lastImportAt?.toISOString() ?? null,
      lastMessageAt: c?.last ? new Date(c.last).toISOString() : null,
      version: g.version,
    };
  });
}

export async function listGroups(platform: Platform, actor: Actor) {
  return repo.listGroups(platform.database.db, repo.groupScope(scopeFilter(actor, 'intake.read')));
}

export async function getGroup(
  platform: Platform,
  actor: Actor,
  id: string,
  permission: 'intake.read' | 'intake.manage' = 'intake.read',
) {
  const row = await repo.findGroup(platform.database.db, id);
  assertCan(actor, permission, row && ownership(row));
  return row;
}

export async function createGroup(
  platform: Platform,
  actor: Actor,
  input: z.output<typeof zMessengerGroupInput>,
) {
  assertCan(actor, 'intake.manage', { orgId: actor.orgId, officeId: actor.officeId, ownerId: actor.userId });
  await assertDistrict(platform, input.districtId);
  return repo.insertGroup(platform.database.db, {
    id: input.id ?? uuidv7(),
    orgId: actor.orgId,
    officeId: actor.officeId,
    keeperId: actor.userId,
    name: input.name,
    platform: input.platform,
    districtId: input.districtId,
    keepExports: input.keepExports,
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
}

export async function updateGroup(
  platform: Platform,
  actor: Actor,
  id: string,
  input: z.output<typeof zMessengerGroupUpdate>,
) {
  const current = await getGroup(platform, actor, id, 'intake.manage');
  if (input.districtId) await assertDistrict(platform, input.districtId);
  const { version, ...changes } = input;
  const row = await repo.updateGroup(platform.database.db, id, version, {
    ...changes,
    updatedBy: actor.userId,
  });
  if (!row) throw versionConflict(current.version);
  return row;
}

export function presentAuthor(platform: Platform, a: repo.AuthorRow, messages = 0): MessengerAuthor {
  return {
    id: a.id,
    ordinal: a.ordinal,
    name: platform.cipher.decrypt(a.nameEnc, sealContext.author(a.id)),
    role: a.role,
    userId: a.userId,
    messages,
    version: a.version,
  };
}

export async function authors(platform: Platform, actor: Actor, groupId: string) {
  await getGroup(platform, actor, groupId, 'intake.manage');
  const [rows, counts] = await Promise.all([
    repo.authorsOf(platform.database.db, groupId),
    repo.authorMessageCounts(platform.database.db, groupId),
  ]);
  return rows.map((a) => presentAuthor(platform, a, counts.get(a.id) ?? 0));
}

/** Says who a writer is; one of the organisation's own people may be linked to their user. */
export async function updateAuthor(
  platform: Platform,
  actor: Actor,
  groupId: string,
  authorId: string,
  input: z.output<typeof zMessengerAuthorUpdate>,
) {
  const group = await getGroup(platform, actor, groupId, 'intake.manage');
  const author = await repo.findAuthor(platform.database.db, groupId, authorId);
  if (!author) throw new AppError('not_found');
  const userId = input.role === 'ours' ? (input.userId ?? null) : null;
  if (userId) await assertAssignee(platform, userId, 'intake.read', ownership(group), 'userId');
  const row = await repo.updateAuthor(platform.database.db, authorId, input.version, {
    role: input.role,
    userId,
    updatedBy: actor.userId,
  });
  if (!row) throw versionConflict(author.version);
  return presentAuthor(platform, row);
}

export function presentMessage(platform: Platform, r: repo.MessageWithGroup): MessengerMessage {
  const m = r.message;
  const role = r.author?.role ?? null;
  return {
    id: m.id,
    groupId: m.groupId,
    groupName: r.groupName,
    sentAt: m.sentAt.toISOString(),
    kind: m.kind,
    authorId: m.authorId,
    authorOrdinal: r.author?.ordinal ?? null,
    // A member of the public is a number on the screen; their name is asked for, and audited.
    authorName:
      r.author && role !== 'public'
        ? platform.cipher.decrypt(r.author.nameEnc, sealContext.author(r.author.id))
        : null,
    authorRole: role,
    text: platform.cipher.decrypt(m.textEnc, sealContext.text(m.id)),
    originalKept: m.originalEnc !== null,
    looksLikeQuestion: m.looksLikeQuestion,
    status: m.status,
    intakeId: m.intakeId,
    caseId: m.caseId,
    version: m.version,
  };
}

export async function listMessages(
  platform: Platform,
  actor: Actor,
  query: z.output<typeof zMessageListQuery>,
) {
  return repo.listMessages(platform.database.db, repo.groupScope(scopeFilter(actor, 'intake.read')), {
    groupId: query.groupId,
    status: query.status,
    fromPublic: query.fromPublic === 'true',
    limit: query.limit,
    offset: query.offset,
  });
}

async function getMessage(platform: Platform, actor: Actor, id: string) {
  const row = await repo.findMessage(platform.database.db, id);
  assertCan(
    actor,
    'intake.manage',
    row && { orgId: row.groupOrgId, officeId: row.groupOfficeId, ownerId: row.groupKeeperId },
  );
  return row;
}

const assertNotConverted = (row: repo.MessageWithGroup) => {
  if (row.message.status === 'converted') throw new AppError('conflict', { reason: 'message_converted' });
};

export async function markMessage(
  platform: Platform,
  actor: Actor,
  id: string,
  input: { version: number; status: 'new' | 'question' | 'dismissed' },
) {
  const current = await getMessage(platform, actor, id);
  assertNotConverted(current);
  const row = await repo.updateMessage(platform.database.db, id, input.version, {
    status: input.status,
    // Set aside, the words as written are not needed any more.
    ...(input.status === 'dismissed' ? { originalEnc: null } : {}),
    updatedBy: actor.userId,
  });
  if (!row) throw versionConflict(current.message.version);
  return presentMessage(platform, { ...current, message: row });
}

/** The words as written (else as stored) and the writer's name, from a message already read. */
function originalWords(platform: Platform, r: repo.MessageWithGroup) {
  const m = r.message;
  return {
    text:
      openOptional(platform.cipher, m.originalEnc, sealContext.original(m.id)) ??
      platform.cipher.decrypt(m.textEnc, sealContext.text(m.id)),
    authorName: r.author ? platform.cipher.decrypt(r.author.nameEnc, sealContext.author(r.author.id)) : null,
  };
}

/** The message as written and its writer's name, for a worker deciding what to keep for a case. */
export async function originalOf(platform: Platform, actor: Actor, id: string) {
  return originalWords(platform, await getMessage(platform, actor, id));
}

/**
 * A message a worker turns into a request or a consultation: still to be acted on, a message and
 * not a notice or a photo, at the version they saw. With its words as stored, and as written
 * when they are to be kept.
 */
export async function messageToActOn(
  platform: Platform,
  actor: Actor,
  id: string,
  version: number,
  keep: boolean,
) {
  const current = await getMessage(platform, actor, id);
  assertNotConverted(current);
  if (current.message.kind !== 'message') throw new AppError('conflict', { reason: 'not_a_message' });
  if (current.message.version !== version) throw versionConflict(current.message.version);
  return {
    current,
    redacted: platform.cipher.decrypt(current.message.textEnc, sealContext.text(current.message.id)),
    original: keep ? originalWords(platform, current) : null,
  };
}

/**
 * Turns a message into a request in the intake queue, from the group's district. The writer's
 * name, number and words as written go onto it only when the worker keeps them; then, or else,
 * the message drops them.
 */
export async function messageToIntake(
  platform: Platform,
  actor: Actor,
  id: string,
  input: z.output<typeof zMessageToIntake>,
) {
  const { current, redacted, original } = await messageToActOn(
    platform,
    actor,
    id,
    input.version,
    input.keepContact,
  );
  const group = (await repo.findGroup(platform.database.db, current.message.groupId))!;
  const words = original?.text ?? redacted;
  const writer = original?.authorName ?? null;
  const phoneInText = original ? /\+?\d[\d\s()-]{7,}\d/.exec(original.text)?.[0] : undefined;
  const item = await createIntake(
    platform,
    actor,
    zIntakeInput.parse({
      channel: 'messenger',
      language: input.language ?? null,
      districtId: group.districtId,
      problems: input.problems,
      priority: input.priority,
      inDetention: input.inDetention,
      anonymous: !original,
      contactName: writer && !looksLikePhone(writer) ? writer.slice(0, 200) : null,
      contactPhone:
        writer && looksLikePhone(writer) ? writer.trim() : (phoneInText?.trim().slice(0, 20) ?? null),
      contactHow: group.name.slice(0, 300),
      summary: words.length >= 2 ? words.slice(0, 4000) : `${words} — ${group.name}`,
    }),
  );
  const row = await repo.updateMessage(platform.database.db, id, input.version, {
    status: 'converted',
    intakeId: item.id,
    originalEnc: null,
    updatedBy: actor.userId,
  });
  if (!row) throw versionConflict(current.message.version);
  return item;
}

/**
 * A year's figures per group: questions, advice given (a reply by one of the organisation's own
 * people to a member of the public), mentoring (an exchange between the organisation's people and
 * the working group's members, either way), and requests made from messages.
 */
export async function messengerStats(platform: Platform, actor: Actor, year: number) {
  const scope = repo.groupScope(scopeFilter(actor, 'intake.read'));
  const [groups, rows] = await Promise.all([
    repo.listGroups(platform.database.db, scope),
    repo.yearOfMessages(platform.database.db, scope, year),
  ]);
  const zero = () => ({ messages: 0, questions: 0, adviceGiven: 0, mentoring: 0, converted: 0 });
  const figures = new Map(groups.map((g) => [g.id, zero()]));
  let previous: { groupId: string; authorId: string | null; role: string | null } | null = null;
  for (const r of rows) {
    const f = figures.get(r.groupId);
    if (!f) continue;
    f.messages++;
    if (r.status === 'question' || r.status === 'converted') f.questions++;
    if (r.status === 'converted') f.converted++;
    const other =
      previous && previous.groupId === r.groupId && previous.authorId !== r.authorId ? previous.role : null;
    if (r.role === 'ours' && other === 'public') f.adviceGiven++;
    else if ((r.role === 'ours' && other === 'member') || (r.role === 'member' && other === 'ours'))
      f.mentoring++;
    if (!previous || previous.groupId !== r.groupId || previous.authorId !== r.authorId)
      previous = { groupId: r.groupId, authorId: r.authorId, role: r.role };
  }
  const total = zero();
  for (const f of figures.values())
    for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += f[k];
  return {
    groups: groups.map((g) => ({
      groupId: g.id,
      name: g.name,
      districtId: g.districtId,
      ...figures.get(g.id)!,
    })),
    total,
  };
}
