import { z } from 'zod';
import { CASE_PRIORITIES, CONSULTATION_LANGUAGES, LEGAL_PROBLEMS } from './casework.enums.ts';
import { zClientId, zPageQuery, zVersion } from './common.schema.ts';
import { CHAT_EXPORT_BASE64_CHARS } from './limits.ts';

/** The messengers whose group exports are read: WhatsApp's "Export chat" and Telegram Desktop's JSON. */
export const MESSENGER_PLATFORMS = ['whatsapp', 'telegram'] as const;

/**
 * Who a writer in a district group is: the organisation's own people (their replies are advice
 * given), the working group's members (lawyers, officials, social workers they mentor), or the public.
 */
export const AUTHOR_ROLES = ['ours', 'member', 'public'] as const;
export type AuthorRole = (typeof AUTHOR_ROLES)[number];

/** A message in the inbox: not yet looked at, marked as a question, set aside, or turned into a request. */
export const MESSAGE_STATUSES = ['new', 'question', 'dismissed', 'converted'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
export const MESSAGE_KINDS = ['message', 'media', 'system'] as const;

export const zMessengerGroupInput = z.object({
  id: zClientId,
  name: z.string().trim().min(2).max(200),
  platform: z.enum(MESSENGER_PLATFORMS),
  districtId: z.string().min(1).max(64),
  /** Keep each uploaded export, sealed; by default it is read and dropped. */
  keepExports: z.boolean().default(false),
});
export type MessengerGroupInput = z.input<typeof zMessengerGroupInput>;

export const zMessengerGroupUpdate = z.object({
  version: zVersion,
  name: z.string().trim().min(2).max(200).optional(),
  districtId: z.string().min(1).max(64).optional(),
  keepExports: z.boolean().optional(),
});

export const zMessengerGroup = z.object({
  id: z.uuid(),
  name: z.string(),
  platform: z.enum(MESSENGER_PLATFORMS),
  districtId: z.string(),
  keepExports: z.boolean(),
  messages: z.int(),
  waiting: z.int(),
  lastImportAt: z.string().nullable(),
  lastMessageAt: z.string().nullable(),
  version: z.int(),
});
export type MessengerGroup = z.infer<typeof zMessengerGroup>;

export const zChatImportInput = z.object({
  filename: z.string().trim().min(1).max(200),
  contentBase64: z.base64().max(CHAT_EXPORT_BASE64_CHARS),
});

export const zChatImport = z.object({
  id: z.uuid(),
  format: z.enum(MESSENGER_PLATFORMS),
  /** Messages in the file, those new to the inbox, and those it already had from an earlier export. */
  total: z.int(),
  added: z.int(),
  alreadyThere: z.int(),
  firstAt: z.string(),
  lastAt: z.string(),
  newAuthors: z.int(),
  kept: z.boolean(),
});
export type ChatImport = z.infer<typeof zChatImport>;

export const zMessengerAuthor = z.object({
  id: z.uuid(),
  /** A per-group number, shown instead of a member of the public's name. */
  ordinal: z.int(),
  name: z.string(),
  role: z.enum(AUTHOR_ROLES),
  userId: z.uuid().nullable(),
  messages: z.int(),
  version: z.int(),
});
export type MessengerAuthor = z.infer<typeof zMessengerAuthor>;
export const zAuthorParams = z.object({ id: z.uuid(), authorId: z.uuid() });
export const zMessengerAuthorUpdate = z.object({
  version: zVersion,
  role: z.enum(AUTHOR_ROLES),
  userId: z.uuid().nullable().optional(),
});

export const zMessengerMessage = z.object({
  id: z.uuid(),
  groupId: z.uuid(),
  groupName: z.string(),
  sentAt: z.string(),
  kind: z.enum(MESSAGE_KINDS),
  authorId: z.uuid().nullable(),
  authorOrdinal: z.int().nullable(),
  /** The writer's name for the organisation's people and the group's members; null for the public. */
  authorName: z.string().nullable(),
  authorRole: z.enum(AUTHOR_ROLES).nullable(),
  /** Names and numbers taken out, as [☎] and […]; the words as written are kept sealed while it waits. */
  text: z.string(),
  originalKept: z.boolean(),
  looksLikeQuestion: z.boolean(),
  status: z.enum(MESSAGE_STATUSES),
  intakeId: z.uuid().nullable(),
  caseId: z.uuid().nullable(),
  version: z.int(),
});
export type MessengerMessage = z.infer<typeof zMessengerMessage>;

export const zMessageListQuery = zPageQuery.extend({
  groupId: z.uuid().optional(),
  status: z.enum(MESSAGE_STATUSES).optional(),
  /** Only what the public wrote: the messages a worker may need to act on. */
  fromPublic: z.enum(['true', 'false']).optional(),
});

export const zMessageMark = z.object({
  version: zVersion,
  status: z.enum(MESSAGE_STATUSES).exclude(['converted']),
});

/** The message as written, names and numbers included: asked for when a worker needs them for a case. */
export const zMessageOriginal = z.object({ text: z.string(), authorName: z.string().nullable() });

export const zMessageToIntake = z.object({
  version: zVersion,
  problems: z.array(z.enum(LEGAL_PROBLEMS)).min(1).max(5),
  priority: z.enum(CASE_PRIORITIES).default('normal'),
  inDetention: z.boolean().default(false),
  language: z.enum(CONSULTATION_LANGUAGES).optional().nullable(),
  /** Keep the writer's name, number and the words as written on the request; else they stay out. */
  keepContact: z.boolean().default(false),
});

export const zMessengerStatsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
const zGroupFigures = z.object({
  messages: z.int(),
  questions: z.int(),
  /** Replies by the organisation's own people to the public. */
  adviceGiven: z.int(),
  /** Exchanges between the organisation's people and the working group's members. */
  mentoring: z.int(),
  converted: z.int(),
});
export const zMessengerStats = z.object({
  groups: z.array(zGroupFigures.extend({ groupId: z.uuid(), name: z.string(), districtId: z.string() })),
  total: zGroupFigures,
});
export type MessengerStats = z.infer<typeof zMessengerStats>;

/**
 * A question answered in the group, recorded as a consultation for the person it turned out to be
 * (found by the duplicate check, or registered first): on their open case, or on a case opened now.
 */
export const zMessageToConsultation = z.object({
  version: zVersion,
  personId: z.uuid(),
  problems: z.array(z.enum(LEGAL_PROBLEMS)).min(1).max(5),
  language: z.enum(CONSULTATION_LANGUAGES).default('ru'),
  durationMinutes: z.int().min(1).max(600).default(10),
  /** Keep the words as written (names and numbers included) on the consultation; else the redacted text. */
  keepWords: z.boolean().default(false),
});
