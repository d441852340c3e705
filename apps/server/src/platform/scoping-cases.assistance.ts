import { expect } from 'vitest';
import type { Cases, World } from './scoping-cases.ts';

/** Scoping cases of assistance: B's cash for its person, its thresholds and totals stay B's. */
export function scopingCasesOfAssistance({ bIds }: World): Cases {
  const year = new Date().getUTCFullYear();
  return {
    'GET /api/assistance': () => ({
      url: '/api/assistance',
      expectStatus: 200,
      text: (body) => expect(body).not.toContain('Secret'),
    }),
    // Help for B's person is help for someone A cannot see.
    'POST /api/assistance': () => ({
      url: '/api/assistance',
      payload: {
        personId: bIds.person,
        kind: 'cash',
        purpose: 'medical',
        amount: 10,
        currency: 'KGS',
        reason: 'Not ours to give',
      },
      expectStatus: 404,
    }),
    'GET /api/assistance/totals': () => ({
      url: `/api/assistance/totals?year=${year}`,
      expectStatus: 200,
      check: (b) => expect(b).toMatchObject({ familiesReached: 0, individualsReached: 0 }),
    }),
    'GET /api/assistance/thresholds': () => ({
      url: '/api/assistance/thresholds',
      expectStatus: 200,
      check: (b) => expect((b as unknown as { items: unknown[] }).items).toEqual([]),
    }),
    'PUT /api/assistance/thresholds': () => ({
      url: '/api/assistance/thresholds',
      payload: { items: [{ currency: 'USD', amount: 100 }] },
      expectStatus: 200,
    }),
    'GET /api/assistance/:id': () => ({ url: `/api/assistance/${bIds.assistance}`, expectStatus: 404 }),
    'POST /api/assistance/:id/decision': () => ({
      url: `/api/assistance/${bIds.assistance}/decision`,
      payload: { version: 1, decision: 'approve' },
      expectStatus: 404,
    }),
    'POST /api/assistance/:id/distributions': () => ({
      url: `/api/assistance/${bIds.assistance}/distributions`,
      payload: { version: 1, on: '2026-11-01' },
      expectStatus: 404,
    }),
    'POST /api/assistance/:id/monitoring': () => ({
      url: `/api/assistance/${bIds.assistance}/monitoring`,
      payload: { on: '2026-11-01', received: 'fully' },
      expectStatus: 404,
    }),
  };
}
