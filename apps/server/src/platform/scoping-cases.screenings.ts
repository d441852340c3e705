import { expect } from 'vitest';
import { screeningPayload } from '../test/screening-fixtures.ts';
import { type Cases, empty, type World } from './scoping-cases.ts';

/** Scoping cases of screenings and of the people named on a case: B's stay B's. */
export function scopingCasesOfScreenings({ bIds }: World): Cases {
  return {
    'GET /api/screenings': () => ({
      url: '/api/screenings',
      expectStatus: 200,
      check: empty,
      text: (body) => expect(body).not.toContain('Secret'),
    }),
    // Screening B's person is screening someone A cannot see.
    'POST /api/screenings': () => ({
      url: '/api/screenings',
      payload: screeningPayload(bIds.person),
      expectStatus: 404,
    }),
    'GET /api/screenings/:id': () => ({ url: `/api/screenings/${bIds.screening}`, expectStatus: 404 }),
    'GET /api/cases/:id/screenings': () => ({ url: `/api/cases/${bIds.case}/screenings`, expectStatus: 404 }),
    'GET /api/cases/:id/members': () => ({ url: `/api/cases/${bIds.case}/members`, expectStatus: 404 }),
    'PUT /api/cases/:id/members': () => ({
      url: `/api/cases/${bIds.case}/members`,
      payload: { userIds: [] },
      expectStatus: 404,
    }),
  };
}
