import { describe, expect, it } from 'vitest';
import { estimateModel, MAX_SHIFT_BITS } from './estimate.ts';
import { link } from './linkage.ts';
import { DEFAULT_MODEL, frequenciesOf, type MatchModel } from './model.ts';
import { p, seededLists } from './test-records.ts';

const estimateOn = (lists: ReturnType<typeof seededLists>) =>
  estimateModel(lists.left, lists.right, frequenciesOf([...lists.left, ...lists.right]), DEFAULT_MODEL);

/** Every weight of a model, by name, as log2(m/u). */
function weights(model: MatchModel): Record<string, number> {
  const out: Record<string, number> = { 'name.exact': Math.log2(model.name.mExact) };
  for (const level of ['slip', 'close', 'near', 'disagree'] as const)
    out[`name.${level}`] = Math.log2(model.name[level][0] / model.name[level][1]);
  for (const field of ['patronymic', 'sex', 'dob'] as const)
    for (const [level, bits] of Object.entries(model[field])) out[`${field}.${level}`] = bits;
  return out;
}

describe('weights estimated per list pair', () => {
  it('learns from the lists how often a true pair is a year off (names written once teach the dates)', () => {
    const careful = estimateOn(seededLists(3000, 5, { yearSlip: 0, names: 'many' }));
    const careless = estimateOn(seededLists(3000, 5, { yearSlip: 0.5, names: 'many' }));
    expect(careless.keptDefaults).toEqual([]);
    expect(careless.sessions[1]!.pairs).toBeGreaterThan(1000);
    const off = (e: typeof careful) => e.model.dob.yearOff1SameDay;
    expect(off(careless)).toBeGreaterThan(off(careful) + 1);
    expect(careless.model.dob.yearOff1).toBeGreaterThan(careful.model.dob.yearOff1 + 1);
    // What the slips do not touch stays put.
    expect(careless.model.dob.exact).toBeCloseTo(careful.model.dob.exact, 1);
  });

  it('learns how often a true pair has another family name (pairs born the same day teach the names)', () => {
    const kept = estimateOn(seededLists(3000, 6, { newFamily: 0, names: 'many' }));
    const married = estimateOn(seededLists(3000, 6, { newFamily: 0.5, names: 'many' }));
    const disagree = (e: typeof kept) => weights(e.model)['name.disagree']!;
    expect(disagree(married)).toBeGreaterThan(disagree(kept) + 2);
    expect(married.sessions[0]!.matchShare).toBeGreaterThan(0.1);
  });

  it('moves no weight further from its default than the bound, and leaves thresholds alone', () => {
    const e = estimateOn(seededLists(3000, 7, { yearSlip: 0.6, newFamily: 0.6 }));
    const before = weights(DEFAULT_MODEL);
    const after = weights(e.model);
    for (const [level, bits] of Object.entries(after))
      expect(Math.abs(bits - before[level]!), level).toBeLessThanOrEqual(MAX_SHIFT_BITS + 1e-9);
    expect(e.model.matchThreshold).toBe(DEFAULT_MODEL.matchThreshold);
    expect(e.model.priorLog2).toBe(DEFAULT_MODEL.priorLog2);
  });

  it('keeps the defaults, and says why, when the lists have too little to learn from', () => {
    const left = [p('1', 'Бакыт', 'Асанов', '1984-03-02'), p('2', 'Айгуль', 'Садыкова', '1990-01-05')];
    const right = [p('a', 'Bakyt', 'Asanov', '1984-03-02')];
    const e = estimateModel(left, right, frequenciesOf([...left, ...right]), DEFAULT_MODEL, {
      sessionPairs: 100,
    });
    expect(e.keptDefaults.join()).toMatch(/names: only 1 pairs to learn from/);
    expect(e.keptDefaults.join()).toMatch(/dates: only 1 pairs of names written once/);
    expect(e.model.dob).toEqual(DEFAULT_MODEL.dob);
    expect(e.model.name).toEqual(DEFAULT_MODEL.name);
  });

  it('is asked for by link, and never overrides a model the caller gives', () => {
    const { left, right } = seededLists(1000, 8);
    expect(link(left, right).estimate).toBeUndefined();
    const estimated = link(left, right, { estimate: true });
    expect(estimated.estimate?.sessions.map((s) => s.drawnBy)).toEqual(['birth date', 'names written once']);
    expect(estimated.pairs.length).toBeGreaterThan(500);
    expect(link(left, right, { estimate: true, model: DEFAULT_MODEL }).estimate).toBeUndefined();
    // The same estimate every run: the samples are seeded.
    expect(link(left, right, { estimate: true }).pairs).toEqual(estimated.pairs);
  });
});
