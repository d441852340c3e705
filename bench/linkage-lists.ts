import type { Rng } from '../apps/server/src/seed/population.ts';

/**
 * Two lists from one population: the first `size` people on the left, `overlap` of them again on
 * the right among others, shuffled; each record rendered as its office would write it.
 */
export function twoLists<E extends { entityId: number }, R>(
  entities: E[],
  size: number,
  overlap: number,
  r: Rng,
  renderLeft: (e: E, id: string) => R,
  renderRight: (e: E, id: string) => R,
) {
  const left = entities.slice(0, size);
  const shared = left.filter(() => r.chance(overlap));
  const rightOnly = entities.slice(size, size + (size - shared.length));
  const right = [...shared, ...rightOnly];
  for (let i = right.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [right[i], right[j]] = [right[j]!, right[i]!];
  }
  return {
    left: left.map((e, i) => ({ ...renderLeft(e, `L${i}`), entity: e.entityId })),
    right: right.map((e, i) => ({ ...renderRight(e, `R${i}`), entity: e.entityId })),
    truePairs: shared.length,
  };
}
