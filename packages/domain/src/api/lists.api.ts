import { zAttachment, zAttachmentParams, zAttachmentUpload } from '../cases.schema.ts';
import { zIdParams, zItems } from '../common.schema.ts';
import { contract } from '../contract.ts';
import { ATTACHMENT_BODY_BYTES, LIST_BODY_BYTES } from '../limits.ts';
import {
  zFollowUpDone,
  zFollowUpInput,
  zFollowUpsCreated,
  zList,
  zListReview,
  zListRow,
  zListRowParams,
  zListRowQuery,
  zListUpload,
  zMyFollowUp,
} from '../lists.schema.ts';

const tags = ['list matching'];
const read = { permission: 'person.read' } as const;
const manage = { permission: 'person.manage' } as const;

export const listsApi = {
  upload: contract({
    method: 'POST',
    path: '/lists',
    tags,
    access: manage,
    body: zListUpload,
    maxBodyBytes: LIST_BODY_BYTES,
    status: 202,
    response: zList,
    audit: 'list.uploaded',
  }),
  list: contract({ method: 'GET', path: '/lists', tags, access: read, response: zItems(zList) }),
  /** Only the caller's own assignments: the query is keyed by the actor. */
  myFollowUps: contract({
    method: 'GET',
    path: '/lists/follow-ups/mine',
    tags,
    access: { authenticated: true },
    response: zItems(zMyFollowUp),
    audit: 'list.follow_ups_read',
  }),
  get: contract({
    method: 'GET',
    path: '/lists/:id',
    tags,
    access: read,
    params: zIdParams,
    response: zList,
  }),
  rows: contract({
    method: 'GET',
    path: '/lists/:id/rows',
    tags,
    access: read,
    params: zIdParams,
    query: zListRowQuery,
    response: zItems(zListRow),
    audit: 'list.rows_read',
  }),
  createFollowUps: contract({
    method: 'POST',
    path: '/lists/:id/follow-ups',
    tags,
    access: manage,
    params: zIdParams,
    body: zFollowUpInput,
    response: zFollowUpsCreated,
    audit: 'list.follow_ups_created',
  }),
  /** The review queue: a person confirms or rejects a pair between the review and match thresholds. */
  reviewRow: contract({
    method: 'POST',
    path: '/lists/:id/rows/:rowId/review',
    tags,
    access: manage,
    params: zListRowParams,
    body: zListReview,
    response: zListRow,
    audit: 'list.row_reviewed',
  }),
  finishFollowUp: contract({
    method: 'PATCH',
    path: '/lists/:id/rows/:rowId',
    tags,
    access: manage,
    params: zListRowParams,
    body: zFollowUpDone,
    status: 204,
    audit: 'list.follow_up_done',
  }),
};

const caseFile = { tags: ['cases'], params: zIdParams } as const;
export const attachmentsApi = {
  attach: contract({
    ...caseFile,
    method: 'POST',
    path: '/cases/:id/attachments',
    access: { permission: 'case.manage' },
    body: zAttachmentUpload,
    maxBodyBytes: ATTACHMENT_BODY_BYTES,
    status: 201,
    response: zAttachment,
    audit: 'case.attachment_added',
  }),
  list: contract({
    ...caseFile,
    method: 'GET',
    path: '/cases/:id/attachments',
    access: { permission: 'case.read' },
    response: zItems(zAttachment),
    audit: 'case.attachments_listed',
  }),
  read: contract({
    method: 'GET',
    path: '/cases/:id/attachments/:attachmentId',
    tags: ['cases'],
    access: { permission: 'case.read' },
    params: zAttachmentParams,
    audit: 'case.attachment_read',
  }),
  attachToActivity: contract({
    method: 'POST',
    path: '/activities/:id/attachments',
    tags: ['results'],
    access: { permission: 'results.manage' },
    params: zIdParams,
    body: zAttachmentUpload,
    maxBodyBytes: ATTACHMENT_BODY_BYTES,
    status: 201,
    response: zAttachment,
    audit: 'activity.attachment_added',
  }),
  activityFiles: contract({
    method: 'GET',
    path: '/activities/:id/attachments',
    tags: ['results'],
    access: { permission: 'results.read' },
    params: zIdParams,
    response: zItems(zAttachment),
  }),
  readActivityFile: contract({
    method: 'GET',
    path: '/activities/:id/attachments/:attachmentId',
    tags: ['results'],
    access: { permission: 'results.read' },
    params: zAttachmentParams,
    audit: 'activity.attachment_read',
  }),
};
