import { expect } from 'vitest';
import type { Cases, World } from './scoping-cases.ts';

const someCheckpoint = { name: 'Dostuk', countryCode: 'KG', segment: 'KG-UZ', kind: 'road' };

/** Scoping cases of checkpoint monitoring and cross-monitoring: B's checkpoints, visits and projects stay B's. */
export function scopingCasesOfMonitoring({ bIds }: World): Cases {
  const notB = (body: string) => {
    expect(body).not.toMatch(/Secret note|Secret words|B's own|Kyzyl-Bel|Canal of B/);
    expect(body).not.toContain(bIds.checkpoint);
  };
  const visit = {
    checkpointId: bIds.checkpoint,
    visitedOn: '2026-11-03',
    team: ['Monitor of A'],
  };
  const project = {
    title: 'Canal of A',
    implementer: 'Water department',
    implementerKind: 'state_body',
    sector: 'water',
    districtId: 'KG-B-KADAMJAY',
    startsOn: '2026-03-01',
    status: 'ongoing',
  };
  return {
    'GET /api/border-projects': () => ({ url: '/api/border-projects', expectStatus: 200, text: notB }),
    'POST /api/border-projects': () => ({ url: '/api/border-projects', payload: project, expectStatus: 201 }),
    'GET /api/border-projects/:id': () => ({
      url: `/api/border-projects/${bIds.borderProject}`,
      expectStatus: 404,
    }),
    'PATCH /api/border-projects/:id': () => ({
      url: `/api/border-projects/${bIds.borderProject}`,
      payload: { version: 1, ...project },
      expectStatus: 404,
    }),
    'POST /api/border-projects/:id/feedback': () => ({
      url: `/api/border-projects/${bIds.borderProject}/feedback`,
      payload: {
        receivedOn: '2026-11-01',
        sentiment: 'positive',
        topic: 'water',
        verbatim: 'Good',
        sex: 'male',
        age: 'unknown',
      },
      expectStatus: 404,
    }),
    'GET /api/checkpoints': () => ({ url: '/api/checkpoints', expectStatus: 200, text: notB }),
    'POST /api/checkpoints': () => ({ url: '/api/checkpoints', payload: someCheckpoint, expectStatus: 201 }),
    'GET /api/checkpoints/:id': () => ({ url: `/api/checkpoints/${bIds.checkpoint}`, expectStatus: 404 }),
    'PATCH /api/checkpoints/:id': () => ({
      url: `/api/checkpoints/${bIds.checkpoint}`,
      payload: { version: 1, ...someCheckpoint },
      expectStatus: 404,
    }),
    'POST /api/checkpoints/:id/status': () => ({
      url: `/api/checkpoints/${bIds.checkpoint}/status`,
      payload: { version: 1, to: 'closed', since: '2026-11-01', note: 'not ours' },
      expectStatus: 404,
    }),
    'GET /api/monitoring/checklist': () => ({
      url: '/api/monitoring/checklist',
      expectStatus: 200,
      text: notB,
    }),
    'POST /api/monitoring/checklist': () => ({
      url: '/api/monitoring/checklist',
      payload: { labels: { en: 'Question of A' } },
      expectStatus: 201,
    }),
    'PATCH /api/monitoring/checklist/:id': () => ({
      url: `/api/monitoring/checklist/${bIds.monitoringQuestion}`,
      payload: { version: 1, active: false },
      expectStatus: 404,
    }),
    'GET /api/monitoring/visits': () => ({ url: '/api/monitoring/visits', expectStatus: 200, text: notB }),
    // A visit to B's checkpoint is a visit to a checkpoint A does not have.
    'POST /api/monitoring/visits': () => ({
      url: '/api/monitoring/visits',
      payload: visit,
      expectStatus: 404,
    }),
    'GET /api/monitoring/visits/:id': () => ({
      url: `/api/monitoring/visits/${bIds.checkpointVisit}`,
      expectStatus: 404,
    }),
    'PATCH /api/monitoring/visits/:id': () => ({
      url: `/api/monitoring/visits/${bIds.checkpointVisit}`,
      payload: { version: 1, ...visit },
      expectStatus: 404,
    }),
    'POST /api/monitoring/visits/:id/case': () => ({
      url: `/api/monitoring/visits/${bIds.checkpointVisit}/case`,
      payload: { personId: bIds.person, problems: ['border_crossing'], priority: 'emergency' },
      expectStatus: 404,
    }),
    // B's visit counted two people seeking protection in Kyrgyzstan; A has counted no one.
    'GET /api/monitoring/figures': () => ({
      url: '/api/monitoring/figures?year=2026',
      expectStatus: 200,
      check: (b) => expect((b as unknown as { countries: unknown[] }).countries).toEqual([]),
    }),
  };
}
