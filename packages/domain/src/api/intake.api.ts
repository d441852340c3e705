import { zCase } from '../cases.schema.ts';
import { zIdParams, zItems, zPage } from '../common.schema.ts';
import { contract } from '../contract.ts';
import {
  zIntakeAnswer,
  zIntakeAnswerInput,
  zIntakeAnswerParams,
  zIntakeInput,
  zIntakeItem,
  zIntakeListQuery,
  zIntakeResolve,
  zIntakeToCase,
  zIntakeToReferral,
  zIntakeUpdate,
  zPhoneHistory,
  zPhoneLookup,
} from '../intake.schema.ts';

const tags = ['intake'];
const read = { permission: 'intake.read' } as const;
const manage = { permission: 'intake.manage' } as const;

/** The one queue every channel lands in: walk-ins, hotline calls, web requests, messengers, email. */
export const intakeApi = {
  create: contract({
    method: 'POST',
    path: '/intake',
    tags,
    access: manage,
    body: zIntakeInput,
    status: 201,
    response: zIntakeItem,
    audit: 'intake.created',
  }),
  list: contract({
    method: 'GET',
    path: '/intake',
    tags,
    access: read,
    query: zIntakeListQuery,
    response: zPage(zIntakeItem),
    audit: 'intake.list',
  }),
  /** Earlier requests from a caller's number, while they are on the line. */
  phoneHistory: contract({
    method: 'POST',
    path: '/intake/phone-history',
    tags,
    access: read,
    body: zPhoneLookup,
    response: zPhoneHistory,
    audit: 'intake.phone_history_read',
  }),
  /** What to say on the hotline, topic by topic, for the desk. */
  answers: contract({
    method: 'GET',
    path: '/intake/answers',
    tags,
    access: read,
    response: zItems(zIntakeAnswer),
  }),
  /** Kept by the organisation's administrators; the wording is the organisation's own. */
  saveAnswer: contract({
    method: 'PUT',
    path: '/intake/answers/:problem',
    tags,
    access: { permission: 'organisation.manage' },
    params: zIntakeAnswerParams,
    body: zIntakeAnswerInput,
    response: zIntakeAnswer,
    audit: 'intake.answer_saved',
  }),
  get: contract({
    method: 'GET',
    path: '/intake/:id',
    tags,
    access: read,
    params: zIdParams,
    response: zIntakeItem,
    audit: 'intake.read',
  }),
  update: contract({
    method: 'PATCH',
    path: '/intake/:id',
    tags,
    access: manage,
    params: zIdParams,
    body: zIntakeUpdate,
    response: zIntakeItem,
    audit: 'intake.updated',
  }),
  resolve: contract({
    method: 'POST',
    path: '/intake/:id/resolve',
    tags,
    access: manage,
    params: zIdParams,
    body: zIntakeResolve,
    response: zIntakeItem,
    audit: 'intake.resolved',
  }),
  /** Opens a case for the person the request turned out to be, with its topics and urgency. */
  toCase: contract({
    method: 'POST',
    path: '/intake/:id/case',
    tags,
    access: manage,
    params: zIdParams,
    body: zIntakeToCase,
    status: 201,
    response: zCase,
    audit: 'intake.case_opened',
  }),
  /** Opens a case for the person and refers them from it; the request ends as referred. */
  toReferral: contract({
    method: 'POST',
    path: '/intake/:id/referral',
    tags,
    access: manage,
    params: zIdParams,
    body: zIntakeToReferral,
    status: 201,
    response: zIntakeItem,
    audit: 'intake.referred',
  }),
};
