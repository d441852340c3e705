import type { Session, TestApp } from './harness.ts';

/** A checkpoint of the session's organisation, a question of its own, and a visit with a sealed note. */
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
  return { checkpoint: checkpoint.id!, question: question.key!, visit: visit.id! };
}
