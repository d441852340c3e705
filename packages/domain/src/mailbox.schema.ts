import { z } from 'zod';
import { zVersion } from './common.schema.ts';

/**
 * Why the last look into a mailbox failed, in words a person can act on; never the server's own
 * text, which may carry an address or a name.
 */
export const MAILBOX_PROBLEMS = [
  'auth_failed',
  'unreachable',
  'tls_failed',
  'folder_missing',
  'failed',
] as const;
export type MailboxProblem = (typeof MAILBOX_PROBLEMS)[number];

/** A host name or address: letters, digits, dots and hyphens (or an IPv6 address in brackets). */
const zHost = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)$/);

/** A mailbox the organisation's requests by email arrive in, read by the server over IMAP. */
export const zMailbox = z.object({
  id: z.uuid(),
  label: z.string(),
  host: z.string(),
  port: z.int(),
  /** TLS from the first byte (IMAPS, port 993); otherwise the connection is upgraded if offered. */
  tls: z.boolean(),
  username: z.string(),
  folder: z.string(),
  enabled: z.boolean(),
  lastPolledAt: z.string().nullable(),
  lastProblem: z.enum(MAILBOX_PROBLEMS).nullable(),
  /** Requests made from its mail since it was added. */
  imported: z.int(),
  version: z.int(),
});
export type Mailbox = z.infer<typeof zMailbox>;

const fields = {
  label: z.string().trim().min(2).max(120),
  host: zHost,
  port: z.int().min(1).max(65535),
  tls: z.boolean(),
  username: z.string().trim().min(1).max(200),
  folder: z.string().trim().min(1).max(200),
  enabled: z.boolean(),
};

/** The password is written, never read back. */
export const zMailboxInput = z.object({
  ...fields,
  port: fields.port.default(993),
  tls: fields.tls.default(true),
  folder: fields.folder.default('INBOX'),
  enabled: fields.enabled.default(true),
  password: z.string().min(1).max(500),
});
export type MailboxInput = z.input<typeof zMailboxInput>;

/** What is left out stays; a password given replaces the one kept. */
export const zMailboxUpdate = z.object({
  version: zVersion,
  label: fields.label.optional(),
  host: fields.host.optional(),
  port: fields.port.optional(),
  tls: fields.tls.optional(),
  username: fields.username.optional(),
  folder: fields.folder.optional(),
  enabled: fields.enabled.optional(),
  password: z.string().min(1).max(500).optional(),
});

/** One look into the mailbox: requests made, messages passed over, and what went wrong if it did. */
export const zMailboxPoll = z.object({
  imported: z.int(),
  skipped: z.int(),
  problem: z.enum(MAILBOX_PROBLEMS).nullable(),
});
export type MailboxPoll = z.infer<typeof zMailboxPoll>;
