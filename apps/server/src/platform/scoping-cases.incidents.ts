import { expect } from 'vitest';
import type { Cases, World } from './scoping-cases.ts';

const someIncident = {
  occurredAt: '2026-11-01T08:00:00Z',
  segment: 'KG-UZ',
  type: 'checkpoint_closure',
  sources: [{ kind: 'official', reliability: 'confirmed' }],
  description: 'Checkpoint closed for the day',
};

/** Scoping cases of the border incidents log: B's incident, its sources and its rules stay B's. */
export function scopingCasesOfIncidents({ bIds }: World): Cases {
  const notB = (body: string) => expect(body).not.toMatch(/Secret incident of B|Secret source of B/);
  return {
    'GET /api/incidents': () => ({ url: '/api/incidents', expectStatus: 200, text: notB }),
    'POST /api/incidents': () => ({ url: '/api/incidents', payload: someIncident, expectStatus: 201 }),
    // B's water dispute on KG-TJ is not in A's trend.
    'GET /api/incidents/trend': () => ({
      url: '/api/incidents/trend?from=2000-01-01&to=2100-01-01',
      expectStatus: 200,
      text: (body) => expect(body).not.toContain('KG-TJ'),
    }),
    // B's water dispute in Kadamjay would be a cell on B's map; A has logged nothing on KG-TJ.
    'GET /api/incidents/map': () => ({
      url: '/api/incidents/map?segment=KG-TJ',
      expectStatus: 200,
      check: (b) => expect((b as unknown as { cells: unknown[] }).cells).toEqual([]),
    }),
    'GET /api/incidents/warning-rules': () => ({
      url: '/api/incidents/warning-rules',
      expectStatus: 200,
      text: (body) => expect(body).not.toContain(bIds.warningRule),
    }),
    'POST /api/incidents/warning-rules': () => ({
      url: '/api/incidents/warning-rules',
      // B's administrator is no one A can warn.
      payload: { casualties: true, recipients: [bIds.user] },
      expectStatus: 400,
    }),
    'DELETE /api/incidents/warning-rules/:id': () => ({
      url: `/api/incidents/warning-rules/${bIds.warningRule}`,
      expectStatus: 404,
    }),
    'GET /api/incidents/:id': () => ({ url: `/api/incidents/${bIds.incident}`, expectStatus: 404 }),
    'PATCH /api/incidents/:id': () => ({
      url: `/api/incidents/${bIds.incident}`,
      payload: { version: 1, ...someIncident },
      expectStatus: 404,
    }),
    'POST /api/incidents/:id/status': () => ({
      url: `/api/incidents/${bIds.incident}/status`,
      payload: { version: 1, to: 'disputed', note: 'not ours' },
      expectStatus: 404,
    }),
    'POST /api/incidents/:id/cases': () => ({
      url: `/api/incidents/${bIds.incident}/cases`,
      payload: { caseId: bIds.case },
      expectStatus: 404,
    }),
    'POST /api/incidents/:id/case': () => ({
      url: `/api/incidents/${bIds.incident}/case`,
      payload: { personId: bIds.person, problems: ['border_crossing'], priority: 'emergency' },
      expectStatus: 404,
    }),
  };
}
