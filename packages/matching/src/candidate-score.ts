/**
 * A first-pass likeness between a new registration and an existing record, from folded name
 * keys and (partial) dates of birth. Cheap enough to run on every keystroke's candidates;
 * the batch linkage model refines it.
 */
export interface NameAndBirth {
  keys: string[];
  birthDate?: string | null;
}

/**
 * Why a record looks like the one being registered; codes, so that each screen words them in its
 * language (the API's schema lists the same codes and the compiler holds the two together).
 */
export type CandidateReason =
  | 'same_name_parts'
  | 'same_birth_date'
  | 'same_birth_month'
  | 'same_birth_year'
  | 'birth_year_one_apart'
  | 'different_birth_year';

export interface CandidateScore {
  score: number;
  reasons: CandidateReason[];
}

export function scoreCandidate(query: NameAndBirth, candidate: NameAndBirth): CandidateScore {
  const reasons: CandidateReason[] = [];
  const a = new Set(query.keys);
  const b = new Set(candidate.keys);
  const shared = [...a].filter((k) => b.has(k));
  const union = new Set([...a, ...b]).size || 1;
  let score = shared.length / union;
  if (shared.length > 0) reasons.push('same_name_parts');

  const qd = query.birthDate ?? '';
  const cd = candidate.birthDate ?? '';
  if (qd && cd) {
    const common = Math.min(qd.length, cd.length);
    if (qd.slice(0, common) === cd.slice(0, common)) {
      score += common >= 10 ? 0.4 : common >= 7 ? 0.25 : 0.15;
      reasons.push(common >= 10 ? 'same_birth_date' : common >= 7 ? 'same_birth_month' : 'same_birth_year');
    } else if (Math.abs(Number(qd.slice(0, 4)) - Number(cd.slice(0, 4))) <= 1) {
      score += 0.05;
      reasons.push('birth_year_one_apart');
    } else {
      score -= 0.3;
      reasons.push('different_birth_year');
    }
  }
  return { score: Math.max(0, Math.min(1, score / 1.4)), reasons };
}
