import { zIdParams, zItems, zPage } from '../common.schema.ts';
import { contract } from '../contract.ts';
import { zIntakeItem } from '../intake.schema.ts';
import { CHAT_EXPORT_BODY_BYTES } from '../limits.ts';
import {
  zAuthorParams,
  zChatImport,
  zChatImportInput,
  zMessageListQuery,
  zMessageMark,
  zMessageOriginal,
  zMessageToConsultation,
  zMessageToIntake,
  zMessengerAuthor,
  zMessengerAuthorUpdate,
  zMessengerGroup,
  zMessengerGroupInput,
  zMessengerGroupUpdate,
  zMessengerMessage,
  zMessengerStats,
  zMessengerStatsQuery,
} from '../messenger.schema.ts';

const tags = ['messenger groups'];
// The district groups are a channel of the intake queue: whoever takes requests works their inbox.
const read = { permission: 'intake.read' } as const;
const manage = { permission: 'intake.manage' } as const;

/** District messenger groups: their exports imported into an inbox of questions, advice and mentoring. */
export const messengerApi = {
  groups: contract({
    method: 'GET',
    path: '/messenger/groups',
    tags,
    access: read,
    response: zItems(zMessengerGroup),
  }),
  createGroup: contract({
    method: 'POST',
    path: '/messenger/groups',
    tags,
    access: manage,
    body: zMessengerGroupInput,
    status: 201,
    response: zMessengerGroup,
    audit: 'messenger.group_created',
  }),
  updateGroup: contract({
    method: 'PATCH',
    path: '/messenger/groups/:id',
    tags,
    access: manage,
    params: zIdParams,
    body: zMessengerGroupUpdate,
    response: zMessengerGroup,
    audit: 'messenger.group_updated',
  }),
  /** All or nothing: a file that cannot be read adds nothing and names the line it stopped at. */
  importExport: contract({
    method: 'POST',
    path: '/messenger/groups/:id/imports',
    tags,
    access: manage,
    params: zIdParams,
    body: zChatImportInput,
    maxBodyBytes: CHAT_EXPORT_BODY_BYTES,
    status: 201,
    response: zChatImport,
    audit: 'messenger.imported',
  }),
  authors: contract({
    method: 'GET',
    path: '/messenger/groups/:id/authors',
    tags,
    access: manage,
    params: zIdParams,
    response: zItems(zMessengerAuthor),
    audit: 'messenger.authors_read',
  }),
  updateAuthor: contract({
    method: 'PATCH',
    path: '/messenger/groups/:id/authors/:authorId',
    tags,
    access: manage,
    params: zAuthorParams,
    body: zMessengerAuthorUpdate,
    response: zMessengerAuthor,
    audit: 'messenger.author_updated',
  }),
  stats: contract({
    method: 'GET',
    path: '/messenger/stats',
    tags,
    access: read,
    query: zMessengerStatsQuery,
    response: zMessengerStats,
  }),
  messages: contract({
    method: 'GET',
    path: '/messenger/messages',
    tags,
    access: read,
    query: zMessageListQuery,
    response: zPage(zMessengerMessage),
    audit: 'messenger.messages_read',
  }),
  mark: contract({
    method: 'POST',
    path: '/messenger/messages/:id/mark',
    tags,
    access: manage,
    params: zIdParams,
    body: zMessageMark,
    response: zMessengerMessage,
    audit: 'messenger.message_marked',
  }),
  /** The words as written, for a worker deciding whether to keep them for a case; each read audited. */
  original: contract({
    method: 'POST',
    path: '/messenger/messages/:id/original',
    tags,
    access: manage,
    params: zIdParams,
    response: zMessageOriginal,
    audit: 'messenger.original_read',
  }),
  toConsultation: contract({
    method: 'POST',
    path: '/messenger/messages/:id/consultation',
    tags,
    access: { permission: 'case.manage' },
    params: zIdParams,
    body: zMessageToConsultation,
    status: 201,
    response: zMessengerMessage,
    audit: 'messenger.consultation_recorded',
  }),
  toIntake: contract({
    method: 'POST',
    path: '/messenger/messages/:id/intake',
    tags,
    access: manage,
    params: zIdParams,
    body: zMessageToIntake,
    status: 201,
    response: zIntakeItem,
    audit: 'messenger.converted',
  }),
};
