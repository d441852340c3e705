import type { MailboxProblem } from '@komek/domain';
import { ImapFlow } from 'imapflow';
import { type AddressObject, simpleParser } from 'mailparser';
import type { MailParts } from './mail-request.ts';

/** Where to read, as kept (the password opened), and where the last reading stopped. */
export interface MailboxAccess {
  host: string;
  port: number;
  tls: boolean;
  username: string;
  password: string;
  folder: string;
  uidValidity: string | null;
  lastUid: number | null;
}

/** One message read: its place in the folder, its identity for "once only", and its parts. */
export interface ReadMessage {
  uid: number;
  key: string;
  /** An auto-reply, a bounce or a list's mail: not a person asking. */
  automatic: boolean;
  parts: MailParts;
}

/** At most this many messages a round; the rest wait for the next, so one round stays short. */
const PER_ROUND = 200;
/** A message larger than this is not read whole: a request is words, not scans. */
const MAX_MESSAGE_BYTES = 5 * 1024 * 1024;

const first = (a: AddressObject | AddressObject[] | undefined) => (Array.isArray(a) ? a[0] : a)?.value[0];

async function partsOf(
  source: Buffer,
): Promise<{ parts: MailParts; automatic: boolean; messageId?: string }> {
  const mail = await simpleParser(source, { skipImageLinks: true, skipTextToHtml: true });
  const from = first(mail.from);
  const header = (name: string) => String(mail.headers.get(name) ?? '').toLowerCase();
  const automatic =
    (header('auto-submitted') !== '' && header('auto-submitted') !== 'no') ||
    ['bulk', 'junk', 'list', 'auto_reply'].includes(header('precedence')) ||
    mail.headers.has('list-id') ||
    /^(mailer-daemon|postmaster)@/i.test(from?.address ?? '');
  return {
    automatic,
    messageId: mail.messageId,
    parts: {
      fromName: from?.name?.trim() || null,
      fromAddress: from?.address ?? null,
      subject: mail.subject ?? '',
      text: mail.text ?? '',
      attachments: mail.attachments.length,
    },
  };
}

/** Why a reading failed, in terms a person can act on; the server's own words are not kept. */
export function problemOf(error: unknown): MailboxProblem {
  const e = error as {
    authenticationFailed?: boolean;
    mailboxMissing?: boolean;
    code?: string;
    serverResponseCode?: string;
  };
  if (e.authenticationFailed) return 'auth_failed';
  if (e.mailboxMissing || e.serverResponseCode === 'NONEXISTENT') return 'folder_missing';
  const code = e.code ?? '';
  if (/^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ECONNRESET|EAI_AGAIN)$/.test(code))
    return 'unreachable';
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return 'tls_failed';
  return 'failed';
}

/**
 * Reads the messages that arrived since the last reading and hands each to `take`; then marks
 * them read in the mailbox. The first reading (or one after the folder was rebuilt, its
 * UIDVALIDITY changed) takes only the unread mail: what staff already read by hand is theirs.
 * Answers where this reading stopped.
 */
export async function readMailbox(
  access: MailboxAccess,
  take: (message: ReadMessage) => Promise<void>,
): Promise<{ uidValidity: string; lastUid: number | null; read: number }> {
  const client = new ImapFlow({
    host: access.host,
    port: access.port,
    secure: access.tls,
    auth: { user: access.username, pass: access.password },
    logger: false,
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
  });
  // A dropped connection is reported here as well as through the awaited call: not a crash.
  client.on('error', () => undefined);
  await client.connect();
  try {
    const lock = await client.getMailboxLock(access.folder);
    try {
      const box = client.mailbox as { uidValidity: bigint; uidNext: number };
      const uidValidity = String(box.uidValidity);
      const continuing = access.uidValidity === uidValidity && access.lastUid !== null;
      const found = continuing
        ? await client.search({ uid: `${access.lastUid! + 1}:*` }, { uid: true })
        : await client.search({ seen: false }, { uid: true });
      // "n:*" always names the newest message, even when it is older than n.
      const uids = (found || [])
        .filter((uid) => !continuing || uid > access.lastUid!)
        .sort((a, b) => a - b)
        .slice(0, PER_ROUND);
      let lastUid = continuing ? access.lastUid : Math.max(0, box.uidNext - 1) || null;
      if (uids.length > 0) {
        const taken: number[] = [];
        const query = { uid: true, size: true, envelope: true, source: { maxLength: MAX_MESSAGE_BYTES } };
        for await (const m of client.fetch(uids.join(','), query, { uid: true })) {
          const key = m.envelope?.messageId ?? `${uidValidity}:${m.uid}`;
          if (!m.source || (m.size ?? 0) > MAX_MESSAGE_BYTES) {
            // Too large to read whole: the request says who wrote and about what, and that it was.
            const from = m.envelope?.from?.[0];
            const parts = {
              fromName: from?.name || null,
              fromAddress: from?.address ?? null,
              subject: m.envelope?.subject ?? '',
              text: '[The message was too large to read here; open it in the mailbox.]',
              attachments: 0,
            };
            await take({ uid: m.uid, key, automatic: false, parts });
          } else {
            const read = await partsOf(m.source);
            await take({
              uid: m.uid,
              key: read.messageId ?? key,
              automatic: read.automatic,
              parts: read.parts,
            });
          }
          taken.push(m.uid);
        }
        if (taken.length > 0) await client.messageFlagsAdd(taken.join(','), ['\\Seen'], { uid: true });
        lastUid = Math.max(lastUid ?? 0, ...uids);
      }
      return { uidValidity, lastUid, read: uids.length };
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
}
