import { createHash } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { Mailbox, MailboxPoll, zMailboxInput, zMailboxUpdate } from '@komek/domain';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { AppError, fieldIssue, versionConflict } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, assertCan, authorize } from '../../platform/policy.ts';
import { createMailRequest } from './intake.service.ts';
import { requestFromMail } from './mail-request.ts';
import { problemOf, readMailbox } from './mailbox-reader.ts';
import * as repo from './mailboxes.repo.ts';

const passwordContext = (id: string) => `intake_mailboxes.password:${id}`;

export function presentMailbox(row: repo.MailboxRow): Mailbox {
  return {
    id: row.id,
    label: row.label,
    host: row.host,
    port: row.port,
    tls: row.tls,
    username: row.username,
    folder: row.folder,
    enabled: row.enabled,
    lastPolledAt: row.lastPolledAt?.toISOString() ?? null,
    lastProblem: row.lastProblem,
    imported: row.imported,
    version: row.version,
  };
}

/** Loopback, private, link-local and unique-local addresses: this machine and the network inside. */
const PRIVATE = [
  /^127\./,
  /^10\./,
  /^192\.168\./,
  /^172\.(1[6-9]|2\d|3[01])\./,
  /^169\.254\./,
  /^0\./,
  /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./,
  /^::1$/,
  /^::$/,
  /^f[cd][0-9a-f]{2}:/i,
  /^fe80:/i,
  /^::ffff:(127|10|192\.168|169\.254)\./i,
];

/**
 * Refuses a mailbox on this machine or the private network unless the installation allows it:
 * otherwise an organisation's administrator could make the server probe internal services.
 */
async function assertReachableHost(platform: Platform, host: string) {
  if (platform.config.mailboxPrivateHosts) return;
  const bare = host.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(bare) ? [bare] : (await lookup(bare, { all: true })).map((a) => a.address);
  } catch {
    throw new AppError('validation_failed', {
      issues: [fieldIssue('host', 'mailbox_host_unknown')],
    });
  }
  if (addresses.some((a) => PRIVATE.some((re) => re.test(a))))
    throw new AppError('validation_failed', {
      issues: [fieldIssue('host', 'mailbox_host_private')],
    });
}

async function ownMailbox(platform: Platform, actor: Actor, id: string) {
  const row = await repo.findMailbox(platform.database.db, id);
  assertCan(actor, 'organisation.manage', row && { orgId: row.orgId, officeId: null, ownerId: null });
  return row!;
}

export async function listMailboxes(platform: Platform, actor: Actor) {
  authorize(actor, 'organisation.manage');
  return repo.listMailboxes(platform.database.db, actor.orgId);
}

export async function addMailbox(platform: Platform, actor: Actor, input: z.output<typeof zMailboxInput>) {
  authorize(actor, 'organisation.manage');
  await assertReachableHost(platform, input.host);
  const id = uuidv7();
  const { password, ...fields } = input;
  return repo.insertMailbox(platform.database.db, {
    id,
    orgId: actor.orgId,
    ...fields,
    passwordEnc: platform.cipher.encrypt(password, passwordContext(id)),
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
}

export async function changeMailbox(
  platform: Platform,
  actor: Actor,
  id: string,
  input: z.output<typeof zMailboxUpdate>,
) {
  const current = await ownMailbox(platform, actor, id);
  if (input.host !== undefined) await assertReachableHost(platform, input.host);
  const { version, password, ...fields } = input;
  const moved =
    (input.host !== undefined && input.host !== current.host) ||
    (input.folder !== undefined && input.folder !== current.folder) ||
    (input.username !== undefined && input.username !== current.username);
  const row = await repo.updateMailbox(platform.database.db, id, version, {
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
    ...(password ? { passwordEnc: platform.cipher.encrypt(password, passwordContext(id)) } : {}),
    // Another mailbox or folder is read afresh, from its unread mail.
    ...(moved ? { uidValidity: null, lastUid: null } : {}),
    lastProblem: null,
    updatedBy: actor.userId,
  });
  if (!row) throw versionConflict(current.version);
  return row;
}

export async function removeMailbox(platform: Platform, actor: Actor, id: string) {
  const row = await ownMailbox(platform, actor, id);
  await repo.deleteMailbox(platform.database.db, id);
  return row;
}

/** The reference a message is known by, for "once only": its Message-ID, hashed, per mailbox. */
const externalRef = (mailboxId: string, key: string) =>
  `mail:${mailboxId}:${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;

/**
 * Reads one mailbox: each new message a request in the organisation's queue (never twice, even
 * if a reading is cut off before it records where it stopped), auto-replies and bounces passed
 * over, the sender told their reference. A failure is recorded as a problem a person can act on.
 */
export async function pollMailbox(platform: Platform, row: repo.MailboxRow): Promise<MailboxPoll> {
  const { db } = platform.database;
  let imported = 0;
  let skipped = 0;
  try {
    const stopped = await readMailbox(
      {
        ...row,
        password: platform.cipher.decrypt(row.passwordEnc, passwordContext(row.id)),
      },
      async (message) => {
        const ref = externalRef(row.id, message.key);
        if (message.automatic || (await repo.hasExternal(db, row.orgId, ref))) {
          skipped++;
          return;
        }
        await createMailRequest(
          platform,
          row.orgId,
          requestFromMail(message.parts),
          ref,
          message.parts.fromAddress,
        );
        imported++;
      },
    );
    await repo.recordReading(db, row.id, { ...stopped, lastProblem: null, added: imported });
    return { imported, skipped, problem: null };
  } catch (error) {
    const problem = problemOf(error);
    await repo.recordReading(db, row.id, { lastProblem: problem, added: imported });
    return { imported, skipped, problem };
  }
}

export async function pollNow(platform: Platform, actor: Actor, id: string) {
  const row = await ownMailbox(platform, actor, id);
  return { row, result: await pollMailbox(platform, row) };
}

/** Every enabled mailbox of every organisation, one after another: the background round. */
export async function pollAllMailboxes(platform: Platform) {
  let imported = 0;
  for (const row of await repo.enabledMailboxes(platform.database.db))
    imported += (await pollMailbox(platform, row)).imported;
  return imported;
}
