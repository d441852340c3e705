import { createHash } from 'node:crypto';
import { CHAT_EXPORT_MAX_BYTES, COUNTRY_TIME_ZONES, type zChatImportInput } from '@komek/domain';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import type { messengerAuthors } from '../../db/schema/index.ts';
import { wallClockInstant } from '../../platform/dates.ts';
import type { Platform } from '../../platform/http.ts';
import type { Actor } from '../../platform/policy.ts';
import { storeSealedFile } from '../../platform/sealed-files.ts';
import { readChatExport } from './chat-export.ts';
import { ChatExportError } from './chat-message.ts';
import * as repo from './messenger.repo.ts';
import { assertDistrict, authorKey, getGroup, invalid, sealContext } from './messenger.service.ts';
import { Redactor } from './redaction.ts';

/** How long the words as written wait, sealed, for a worker who may need them for a case. */
const ORIGINALS_KEPT_DAYS = 90;

const IMPORT_SLICE = 2000;

/**
 * The instants of an export's wall-clock times in the group's zone. The zone's offset is looked
 * up once an hour of the chat, not once a message (Kazakhstan moved from UTC+6 to UTC+5 in 2024,
 * so it is not one offset for a whole export).
 */
function wallClock(messages: Array<{ localTime: string; instant?: Date }>, timeZone: string): Date[] {
  const offsets = new Map<string, number>();
  return messages.map((m) => {
    if (m.instant) return m.instant;
    const hour = m.localTime.slice(0, 13);
    let offset = offsets.get(hour);
    if (offset === undefined) {
      const local = `${hour}:00:00`;
      offset = Date.parse(`${local}Z`) - wallClockInstant(local, timeZone).getTime();
      offsets.set(hour, offset);
    }
    return new Date(Date.parse(`${m.localTime}Z`) - offset);
  });
}

/**
 * Reads a group's export into its inbox, all of it or nothing. A message already there from an
 * earlier or overlapping export (same fingerprint) is not added again; names and phone numbers are
 * taken out of the stored text.
 */
export async function importExport(
  platform: Platform,
  actor: Actor,
  groupId: string,
  input: z.output<typeof zChatImportInput>,
) {
  const group = await getGroup(platform, actor, groupId, 'intake.manage');
  const db = platform.database.db;
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length === 0 || bytes.length > CHAT_EXPORT_MAX_BYTES) throw invalid('contentBase64', 'too_big');
  let parsed: Awaited<ReturnType<typeof readChatExport>>;
  try {
    parsed = await readChatExport(bytes);
  } catch (error) {
    if (!(error instanceof ChatExportError)) throw error;
    throw invalid('contentBase64', 'chat_unreadable', { line: String(error.line) });
  }
  const { messages, format } = parsed;
  const district = await assertDistrict(platform, group.districtId);
  const timeZone = COUNTRY_TIME_ZONES[district.countryCode] ?? 'UTC';

  // Writers: those the group knows already, and the new ones, numbered on from the last.
  const known = await repo.authorsOf(db, groupId);
  const byKey = new Map(known.map((a) => [a.authorKey, a]));
  const knownNames = known.map((a) => platform.cipher.decrypt(a.nameEnc, sealContext.author(a.id)));
  let ordinal = known.reduce((m, a) => Math.max(m, a.ordinal), 0);
  const fresh: Array<typeof messengerAuthors.$inferInsert> = [];
  for (const name of new Set(messages.map((m) => m.author).filter((a): a is string => !!a))) {
    const key = authorKey(platform, groupId, name);
    if (byKey.has(key) || fresh.some((f) => f.authorKey === key)) continue;
    const id = uuidv7();
    fresh.push({
      id,
      orgId: group.orgId,
      groupId,
      ordinal: ++ordinal,
      authorKey: key,
      nameEnc: platform.cipher.encrypt(name, sealContext.author(id)),
      createdBy: actor.userId,
      updatedBy: actor.userId,
    });
    knownNames.push(name);
  }
  for (const a of await repo.insertAuthors(db, fresh)) byKey.set(a.authorKey, a);

  const kept =
    group.keepExports &&
    (await storeSealedFile(
      platform,
      'messenger_imports',
      group.orgId,
      { mimeType: 'application/octet-stream', contentBase64: input.contentBase64 },
      CHAT_EXPORT_MAX_BYTES,
    ));
  const instants = wallClock(messages, timeZone);
  let [first, last] = [instants[0]!, instants[0]!];
  for (const at of instants) {
    if (at < first) first = at;
    if (at > last) last = at;
  }
  const importRow = await repo.insertImport(db, {
    orgId: group.orgId,
    groupId,
    format,
    total: messages.length,
    added: 0,
    firstAt: first,
    lastAt: last,
    fileId: kept ? kept.id : null,
    fileKeyId: kept ? kept.keyId : null,
    filenameEnc: kept
      ? platform.cipher.encrypt(input.filename, `messenger_imports.filename:${kept.id}`)
      : null,
    createdBy: actor.userId,
  });

  const redactor = new Redactor([
    ...knownNames,
    ...messages.flatMap((m) => Redactor.introducedNames(m.text)),
  ]);
  const seen = new Map<string, number>();
  const toRow = (m: (typeof messages)[number], i: number) => {
    const id = uuidv7();
    const author = m.author ? byKey.get(authorKey(platform, groupId, m.author))! : null;
    const words = m.kind === 'media' ? '[media]' : m.text.replace(/\s+/g, ' ');
    // Within a minute, a writer may send the same words twice ("?", "?"): the second is its own message.
    const base = m.externalId ?? `${m.localTime.slice(0, 16)}|${author?.authorKey ?? 'system'}|${words}`;
    // Counted by a digest of the words, not the words: 50,000 messages' text twice over is memory.
    const digest = createHash('sha1').update(base).digest('base64');
    const occurrence = (seen.get(digest) ?? 0) + 1;
    seen.set(digest, occurrence);
    const { text, removed } = redactor.redact(m.text, m.marked);
    return {
      id,
      orgId: group.orgId,
      groupId,
      importId: importRow.id,
      fingerprint: platform.cipher.lookupHash(`${base}|${occurrence}`, `messenger.message:${groupId}`),
      sentAt: instants[i]!,
      kind: m.kind,
      authorId: author?.id ?? null,
      textEnc: platform.cipher.encrypt(text, sealContext.text(id)),
      originalEnc:
        m.kind === 'message' && removed.length > 0
          ? platform.cipher.encrypt(m.text, sealContext.original(id))
          : null,
      looksLikeQuestion:
        m.kind === 'message' && (author?.role ?? 'public') === 'public' && /[?？؟]/.test(m.text),
      createdBy: actor.userId,
      updatedBy: actor.userId,
    };
  };
  // Sealed a slice at a time and sent, so that a large export never holds all its rows at once.
  let added = 0;
  for (let start = 0; start < messages.length; start += IMPORT_SLICE)
    added += await repo.insertMessages(
      db,
      messages.slice(start, start + IMPORT_SLICE).map((m, i) => toRow(m, start + i)),
    );
  await repo.setImportAdded(db, importRow.id, added);
  await repo.updateGroup(db, groupId, group.version, { lastImportAt: new Date(), updatedBy: actor.userId });
  await repo.dropOldOriginals(db, group.orgId, new Date(Date.now() - ORIGINALS_KEPT_DAYS * 86_400_000));
  return {
    id: importRow.id,
    format,
    total: messages.length,
    added,
    alreadyThere: messages.length - added,
    firstAt: first.toISOString(),
    lastAt: last.toISOString(),
    newAuthors: fresh.length,
    kept: !!kept,
  };
}
