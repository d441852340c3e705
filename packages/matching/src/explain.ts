import { type Finding, findingText } from './findings.ts';
import { compare, type Frequencies, type MatchModel } from './model.ts';
import type { LinkedPair } from './one-to-one.ts';
import type { PreparedRecord } from './record.ts';

/** Why a pair was judged as it was: each field's weight, the prior, and the rivals it beat. */
export interface Explanation {
  /** log2 of the prior odds for a pair of these lists. */
  priorBits: number;
  parts: Finding[];
  /** The fields' weights and the prior, summed. */
  totalBits: number;
  /** A plainly different given name keeps the pair at or below this probability. */
  cappedAt: number | null;
  /** Summed odds of the free candidates that competed for either record, when linking one-to-one. */
  rivalOdds: number | null;
  probability: number;
}

export function explainPair(
  a: PreparedRecord,
  b: PreparedRecord,
  freq: Frequencies,
  model: MatchModel,
  pair?: Pick<LinkedPair, 'comparison' | 'rivalOdds'>,
): Explanation {
  const parts: Finding[] = [];
  const c = compare(a, b, freq, model, parts);
  return {
    priorBits: model.priorLog2,
    parts,
    totalBits: c.weight + model.priorLog2,
    cappedAt: c.givenDisagrees ? model.distinctNameCeiling : null,
    rivalOdds: pair?.rivalOdds ?? null,
    probability: pair?.comparison.probability ?? c.probability,
  };
}

const signed = (bits: number) => `${bits >= 0 ? '+' : '−'}${Math.abs(bits).toFixed(1)}`;

/** One line a person can read: `given name exact +5.1; … prior −11.6 → 0.9990 (rivals' odds 0.21)`. */
export function explanationText(e: Explanation): string {
  const fields = e.parts.map(findingText).join('; ');
  const cap = e.cappedAt === null ? '' : `; given names differ: at most ${e.cappedAt.toFixed(2)}`;
  const rivals = e.rivalOdds ? `; rivals' odds ${e.rivalOdds.toFixed(2)}` : '';
  return `${fields}; prior ${signed(e.priorBits)}${cap}${rivals} → ${e.probability.toFixed(4)}`;
}
