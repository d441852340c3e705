import type { Session, TestApp } from './harness.ts';

/**
 * A checkpoint of the session's organisation, a question of its own, a visit with a sealed note,
 * and a project in a border community with a resident's sealed words.
 */
export async function seedMonitoring(t: TestApp, s: Session, words = 'Secret') {
  const post = async (url: string, payload: object) => {
    const res = await t.app.inject({ method: 'POST', url, headers: s.headers, payload });
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.body}`);
    return res.json() as { id?: string; key?: string };
  };
  const checkpoint = await post('/api/checkpoints', {
    name: 'Kyzyl-Bel',
    countryCode: 'KG',
    segment: 'KG-TJ',
    kind: 'road',
    districtId: 'KG-B-KADAMJAY',
  });
  const question = await post('/api/monitoring/checklist', {
    labels: { en: "Separate room for women, B's own" },
  });
  const visit = await post('/api/monitoring/visits', {
    checkpointId: checkpoint.id,
    visitedOn: '2026-11-02',
    team: ['Monitor'],
    findings: [{ key: 'refoulement_risk', answer: 'yes', note: `${words} note of the visit` }],
    figures: { soughtProtection: 2, accessedProcedure: 1, refusedEntry: 1, detained: 0, removed: 0 },
  });
  const project = await post('/api/border-projects', {
    title: 'Canal of B',
    implementer: 'Water department',
    implementerKind: 'state_body',
    sector: 'water',
    districtId: 'KG-B-KADAMJAY',
    startsOn: '2026-03-01',
    status: 'ongoing',
  });
  const feedback = await post(`/api/border-projects/${project.id}/feedback`, {
    receivedOn: '2026-11-01',
    sentiment: 'negative',
    topic: 'water',
    verbatim: `${words} words of a resident`,
    sex: 'female',
    age: '18-59',
  });
  return {
    checkpoint: checkpoint.id!,
    question: question.key!,
    visit: visit.id!,
    project: project.id!,
    feedback: feedback.id!,
  };
}
