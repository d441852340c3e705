import { zIdParams, zPage } from '../common.schema.ts';
import { contract } from '../contract.ts';
import {
  zPartnerStats,
  zPartnerStatsQuery,
  zReferral,
  zReferralFormQuery,
  zReferralInput,
  zReferralListQuery,
  zReferralMessage,
  zReferralResponse,
  zReferralRevoke,
} from '../referrals.schema.ts';

const tags = ['referrals'];
const read = { permission: 'referral.read' } as const;
const send = { permission: 'referral.send' } as const;

export const referralsApi = {
  send: contract({
    method: 'POST',
    path: '/cases/:id/referrals',
    tags,
    access: send,
    params: zIdParams,
    body: zReferralInput,
    status: 201,
    response: zReferral,
    audit: 'referral.sent',
  }),
  list: contract({
    method: 'GET',
    path: '/referrals',
    tags,
    access: read,
    query: zReferralListQuery,
    response: zPage(zReferral),
    audit: 'referral.list',
  }),
  stats: contract({
    method: 'GET',
    path: '/referrals/stats',
    tags,
    access: read,
    query: zPartnerStatsQuery,
    response: zPartnerStats,
  }),
  /** Every view is recorded, by either side: this is the record partners are accountable for. */
  get: contract({
    method: 'GET',
    path: '/referrals/:id',
    tags,
    access: read,
    params: zIdParams,
    response: zReferral,
    audit: 'referral.read',
  }),
  form: contract({
    method: 'GET',
    path: '/referrals/:id/form.pdf',
    tags,
    access: read,
    params: zIdParams,
    query: zReferralFormQuery,
    audit: 'referral.printed',
  }),
  /** Audited as referral.<to>. */
  respond: contract({
    method: 'POST',
    path: '/referrals/:id/respond',
    tags,
    access: { permission: 'referral.respond' },
    params: zIdParams,
    body: zReferralResponse,
    response: zReferral,
  }),
  revoke: contract({
    method: 'POST',
    path: '/referrals/:id/revoke',
    tags,
    access: send,
    params: zIdParams,
    body: zReferralRevoke,
    response: zReferral,
    audit: 'referral.revoked',
  }),
  onward: contract({
    method: 'POST',
    path: '/referrals/:id/onward',
    tags,
    access: send,
    params: zIdParams,
    body: zReferralInput,
    status: 201,
    response: zReferral,
    audit: 'referral.sent',
  }),
  /** Either side writes; the service decides which (sender: referral.send, receiver: referral.respond). */
  message: contract({
    method: 'POST',
    path: '/referrals/:id/messages',
    tags,
    access: read,
    params: zIdParams,
    body: zReferralMessage,
    response: zReferral,
    audit: 'referral.message_sent',
  }),
};
