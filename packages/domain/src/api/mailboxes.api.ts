import { zIdParams, zItems } from '../common.schema.ts';
import { contract } from '../contract.ts';
import { zMailbox, zMailboxInput, zMailboxPoll, zMailboxUpdate } from '../mailbox.schema.ts';

const tags = ['intake'];
/** Which mailboxes are read, with whose password, is the organisation's own setting. */
const manage = { permission: 'organisation.manage' } as const;

/** The mailboxes whose mail becomes requests in the intake queue, read over IMAP by a background job. */
export const mailboxesApi = {
  list: contract({
    method: 'GET',
    path: '/intake/mailboxes',
    tags,
    access: manage,
    response: zItems(zMailbox),
  }),
  create: contract({
    method: 'POST',
    path: '/intake/mailboxes',
    tags,
    access: manage,
    body: zMailboxInput,
    status: 201,
    response: zMailbox,
    audit: 'intake.mailbox_added',
  }),
  update: contract({
    method: 'PATCH',
    path: '/intake/mailboxes/:id',
    tags,
    access: manage,
    params: zIdParams,
    body: zMailboxUpdate,
    response: zMailbox,
    audit: 'intake.mailbox_updated',
  }),
  remove: contract({
    method: 'DELETE',
    path: '/intake/mailboxes/:id',
    tags,
    access: manage,
    params: zIdParams,
    status: 204,
    audit: 'intake.mailbox_removed',
  }),
  /** Reads the mailbox now instead of at the next round: to check a new setting, or at once. */
  poll: contract({
    method: 'POST',
    path: '/intake/mailboxes/:id/poll',
    tags,
    access: manage,
    params: zIdParams,
    response: zMailboxPoll,
    audit: 'intake.mailbox_polled',
  }),
};
