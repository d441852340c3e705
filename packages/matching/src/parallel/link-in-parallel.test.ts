import { describe, expect, it } from 'vitest';
import { dedupe, link } from '../linkage.ts';
import { DEFAULT_MODEL, type MatchModel } from '../model.ts';
import { seededLists } from '../test-records.ts';
import { dedupeInParallel, linkInParallel } from './link-in-parallel.ts';

const lists = (size: number, seed: number) => seededLists(size, seed);

describe('linking on worker threads', () => {
  it('gives the very pairs, scores and counts that linking on one thread gives, big blocks split', async () => {
    const { left, right } = lists(400, 7);
    const options = { maxBlockPairs: 60 };
    const one = link(left, right, options);
    const two = await linkInParallel(left, right, { ...options, threads: 2 });
    expect(one.stats.splitBlocks).toBeGreaterThan(0);
    expect(one.pairs.length).toBeGreaterThan(100);
    expect(two.stats).toEqual(one.stats);
    expect(two.pairs).toEqual(one.pairs);
    expect(two.explain(two.pairs[0]!)).toEqual(one.explain(one.pairs[0]!));
  });

  it('keeps every pair over the threshold when not one-to-one, and dedupes alike', async () => {
    const { left } = lists(300, 11);
    const many = await linkInParallel(left, left.slice(0, 150), { oneToOne: false, threads: 3 });
    expect(many.pairs).toEqual(link(left, left.slice(0, 150), { oneToOne: false }).pairs);
    const dup = [...left, ...left.slice(0, 40).map((r) => ({ ...r, id: `${r.id}-again` }))];
    const serial = dedupe(dup);
    const parallel = await dedupeInParallel(dup, { threads: 2 });
    expect(parallel.clusters).toEqual(serial.clusters);
    expect(new Set(parallel.clusters).size).toBeLessThanOrEqual(dup.length - 40);
  });

  it('hands each compared pair to the caller, in the order one thread would', async () => {
    const { left, right } = lists(200, 3);
    const seen: string[] = [];
    const parallelSeen: string[] = [];
    link(left, right, { onCandidate: (i, j, c) => seen.push(`${i}-${j}-${c.reasons.join()}`) });
    await linkInParallel(left, right, {
      threads: 2,
      onCandidate: (i, j, c) => parallelSeen.push(`${i}-${j}-${c.reasons.join()}`),
    });
    expect(parallelSeen.length).toBeGreaterThan(0);
    expect(parallelSeen).toEqual(seen);
  });

  it('fails with the thread’s error rather than hanging when a thread cannot compare', async () => {
    const { left, right } = lists(50, 5);
    // A model without name weights: only comparing reads them, and comparing is the threads' work.
    const model = { ...DEFAULT_MODEL, name: undefined as unknown as MatchModel['name'] };
    await expect(linkInParallel(left, right, { threads: 2, model })).rejects.toThrow(/mExact/);
  });
});
