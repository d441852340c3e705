import {
  zEligibilityCriterion,
  zEligibilityCriterionInput,
  zEligibilityCriterionUpdate,
} from '../cases.schema.ts';
import { zIdParams, zItems } from '../common.schema.ts';
import { contract } from '../contract.ts';
import { zCalendarFeed, zCalendarFileParams } from '../platform.schema.ts';

/** Intake criteria are organisation settings: administrators edit them, caseworkers answer them. */
const criteria = { tags: ['eligibility'], access: { permission: 'organisation.manage' } } as const;
export const eligibilityApi = {
  list: contract({
    ...criteria,
    method: 'GET',
    path: '/eligibility-criteria',
    response: zItems(zEligibilityCriterion),
  }),
  create: contract({
    ...criteria,
    method: 'POST',
    path: '/eligibility-criteria',
    body: zEligibilityCriterionInput,
    status: 201,
    response: zEligibilityCriterion,
    audit: 'eligibility.created',
  }),
  update: contract({
    ...criteria,
    method: 'PATCH',
    path: '/eligibility-criteria/:id',
    params: zIdParams,
    body: zEligibilityCriterionUpdate,
    response: zEligibilityCriterion,
    audit: 'eligibility.updated',
  }),
};

export const calendarApi = {
  /** Issues (or replaces) the caller's own feed address; the old one stops working. */
  issueFeed: contract({
    method: 'POST',
    path: '/calendar/token',
    tags: ['calendar'],
    access: { permission: 'case.read' },
    response: zCalendarFeed,
    audit: 'calendar.token_issued',
  }),
  /** Calendar programs cannot sign in: the secret in the address is the credential. */
  feed: contract({
    method: 'GET',
    path: '/calendar/:file',
    tags: ['calendar'],
    access: { public: true },
    params: zCalendarFileParams,
  }),
};
