/**
 * Record linkage quality and speed: LINK_SIZE × LINK_SIZE records (default 100,000) from a
 * synthetic population, half of the left list reappearing on the right. LINK_SET picks it:
 * `central` (default: Central Asian names in the hard setting), `harder` (the same population with
 * twice the twins, namesakes and date errors, 1 January defaults, passport and Turkic Latin) or `afghan` (a Dari/Latin registry
 * with Solar Hijri dates against Tajik, Russian and Latin lists). Prints the set's decidable
 * ceiling (`linkage-ceiling.ts`) beside the figures.
 * Reports precision, recall and F1 for Komek's model and for two baselines in the same run
 * (exact match after transliteration; trigram similarity of names alone on the same candidate
 * pairs), pairs kept by blocking, time and peak memory. `npm run bench:linkage`.
 * LINK_EXPLAIN=1 adds the commonest kinds of wrong and missed pairs, by what the model saw.
 * LINK_THREADS=N compares on N worker threads (`linkInParallel`, as `komek link` does; default 1).
 * LINK_ESTIMATE=1 estimates the weights for the list pair first (EM, `estimateModel`).
 */
import os from 'node:os';
import {
  compare,
  DEFAULT_MODEL,
  frequenciesOf,
  januaryFirstAsYear,
  link,
  type PersonRecord,
  type PreparedRecord,
  prepareList,
  prepareRecord,
  priorFor,
  transliterate,
} from '@komek/matching';
import { linkInParallel } from '@komek/matching/parallel';
import { afghanLinkageFiles, type ShownNames } from './linkage-afghan.ts';
import { decidableCeiling, lookAlikeCeiling, type NormalisedView } from './linkage-ceiling.ts';
import { HARD, HARDER, linkageFiles } from './linkage-population.ts';

const size = Number(process.env.LINK_SIZE ?? 100_000);
const seed = Number(process.env.LINK_SEED ?? 42);
const withBaselines = process.env.LINK_BASELINES !== '0';
const explain = process.env.LINK_EXPLAIN === '1';
const set = process.env.LINK_SET ?? 'central';
const threads = Number(process.env.LINK_THREADS ?? 1);
if (!['central', 'harder', 'afghan'].includes(set))
  throw new Error(`LINK_SET is central, harder or afghan, not ${set}`);

const t0 = Date.now();
const files: {
  left: Array<{ record: PersonRecord; entity: number; shown?: ShownNames }>;
  right: Array<{ record: PersonRecord; entity: number; shown?: ShownNames }>;
  truePairs: number;
} =
  set === 'afghan'
    ? afghanLinkageFiles(size, seed)
    : linkageFiles(size, seed, 0.5, set === 'harder' ? HARDER : HARD);
const t1 = Date.now();
const left = prepareList(files.left.map((x) => x.record));
const right = prepareList(files.right.map((x) => x.record));
const same = (i: number, j: number) => files.left[i]!.entity === files.right[j]!.entity;
// Without the second pass, the true pairs blocking keeps are counted in the timed one (an integer
// comparison per candidate pair).
let blockedTrue = 0;
const blockedLeft = new Uint8Array(left.length);
const countBlocked = (i: number, j: number) => {
  if (!same(i, j)) return;
  blockedTrue++;
  blockedLeft[i] = 1;
};
const t2 = Date.now();
const minP = {
  ...(process.env.LINK_MIN ? { minProbability: Number(process.env.LINK_MIN) } : {}),
  ...(process.env.LINK_CAP ? { maxBlockPairs: Number(process.env.LINK_CAP) } : {}),
  ...(process.env.LINK_ESTIMATE ? { estimate: process.env.LINK_ESTIMATE === '1' } : {}),
};
const linkOptions = withBaselines ? minP : { ...minP, onCandidate: countBlocked };
const { pairs, stats, estimate } =
  threads > 1
    ? await linkInParallel(left, right, { ...linkOptions, threads })
    : link(left, right, linkOptions);
const t3 = Date.now();

function quality(predicted: Array<[number, number]>) {
  let tp = 0;
  for (const [i, j] of predicted) if (same(i, j)) tp++;
  const precision = predicted.length ? tp / predicted.length : 0;
  const recall = tp / files.truePairs;
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    predicted: predicted.length,
  };
}
const ours = quality(pairs.map((p) => [p.left, p.right]));

// Baseline 1: exact match of transliterated, lower-cased names and the date as written.
const exactKey = (r: (typeof files.left)[number]['record']) =>
  `${transliterate(r.firstName).toLowerCase()}|${transliterate(r.lastName).toLowerCase()}|${r.dateOfBirth ?? ''}`;
const rightByKey = new Map<string, number[]>();
files.right.forEach((x, j) => {
  const k = exactKey(x.record);
  rightByKey.set(k, [...(rightByKey.get(k) ?? []), j]);
});
const exactPairs: Array<[number, number]> = [];
files.left.forEach((x, i) => {
  for (const j of rightByKey.get(exactKey(x.record)) ?? []) exactPairs.push([i, j]);
});
const exact = quality(exactPairs);

// Baseline 2 and blocking recall need every candidate pair: a second pass, not timed.
let trigram: ReturnType<typeof quality> | null = null;
if (withBaselines) {
  const grams = (r: (typeof files.left)[number]['record']) => {
    const s = ` ${transliterate(`${r.firstName} ${r.lastName}`).toLowerCase()} `;
    const set = new Set<string>();
    for (let i = 0; i < s.length - 2; i++) set.add(s.slice(i, i + 3));
    return set;
  };
  const lg = files.left.map((x) => grams(x.record));
  const rg = files.right.map((x) => grams(x.record));
  const trigramPairs: Array<[number, number]> = [];
  link(left, right, {
    minProbability: 2,
    onCandidate: (i, j) => {
      countBlocked(i, j);
      const a = lg[i]!;
      const b = rg[j]!;
      let inter = 0;
      for (const g of a) if (b.has(g)) inter++;
      if (inter / (a.size + b.size - inter) >= 0.6) trigramPairs.push([i, j]);
    },
  });
  trigram = quality(trigramPairs);
}

const peakMb = process.resourceUsage().maxRSS / 1024;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
console.log(
  `\n${size.toLocaleString('en')} × ${size.toLocaleString('en')} records, ${set === 'afghan' ? 'Afghan set' : set === 'harder' ? 'harder setting' : 'hard setting'}, seed ${seed} · ${os.cpus().length} × ${os.cpus()[0]?.model} · ${new Date().toISOString().slice(0, 10)}`,
);
console.log(`true pairs: ${files.truePairs.toLocaleString('en')}`);
console.log('| method | precision | recall | F1 | pairs judged same |\n|---|---|---|---|---|');
const row = (name: string, q: ReturnType<typeof quality>) =>
  console.log(
    `| ${name} | ${pct(q.precision)} | ${pct(q.recall)} | ${q.f1.toFixed(4)} | ${q.predicted.toLocaleString('en')} |`,
  );
row('Komek (Fellegi–Sunter, blocking)', ours);
row('exact match after transliteration', exact);
if (trigram) row('trigram similarity ≥ 0.6 (names only, same candidates)', trigram);
console.log(
  `\nblocking: ${stats.candidatePairs.toLocaleString('en')} pairs compared (${(stats.candidatePairs / (size * size)).toExponential(2)} of all), ` +
    `${stats.splitBlocks} oversized blocks split by a second key, ${stats.skippedBlocks} blocks or parts still over the cap skipped (${stats.skippedPairs.toLocaleString('en')} pairs)` +
    `; true pairs kept by blocking: ${pct(blockedTrue / files.truePairs)}`,
);
console.log(
  `time: generate ${((t1 - t0) / 1000).toFixed(1)} s, prepare ${((t2 - t1) / 1000).toFixed(1)} s, link ${((t3 - t2) / 1000).toFixed(1)} s on ${threads} thread${threads > 1 ? 's' : ''}; peak memory ${peakMb.toFixed(0)} MB`,
);
if (estimate)
  console.log(
    `estimated weights: ${estimate.sessions.map((s) => `pairs drawn by ${s.drawnBy} ${s.pairs.toLocaleString('en')}${s.matchShare === undefined ? '' : ` (EM, ${s.iterations} rounds, ${pct(s.matchShare)} one person)`}`).join('; ')}` +
      (estimate.keptDefaults.length ? `; defaults kept: ${estimate.keptDefaults.join('; ')}` : ''),
  );
console.log(
  `pairs compared by key: ${stats.keysInForce.map((k, i) => `${k} ${stats.pairsByKey[i]!.toLocaleString('en')}`).join(', ')}`,
);

const view = (r: PreparedRecord, shown?: ShownNames): NormalisedView => ({
  key: shown ? shown.given : [r.family, r.given].sort().join('|'),
  family: shown?.family ?? '',
  patronymic: shown ? shown.patronymic : r.patronymic,
  sex: r.sex,
  year: r.year,
  month: r.month,
  day: r.day,
  yearSpan: r.yearSpan,
});
const rightOfEntity = new Map(files.right.map((x, j) => [x.entity, j]));
// Dates as the linker reads them: a list's 1 January default is a year alone.
const views = [
  januaryFirstAsYear(left).records.map((r, i) => view(r, files.left[i]!.shown)),
  januaryFirstAsYear(right).records.map((r, j) => view(r, files.right[j]!.shown)),
] as const;
const truth = files.left.map((x) => rightOfEntity.get(x.entity) ?? -1);
const ceiling = decidableCeiling(views[0], views[1], truth);
console.log(
  `decidable ceiling: F1 ${ceiling.f1.toFixed(4)} — ${ceiling.alike.toLocaleString('en')} true pairs (${pct(ceiling.alike / files.truePairs)}) have a record written the same beside one of theirs ` +
    `(a pick among them loses ${ceiling.lost.toLocaleString('en')}); ${ceiling.lookalikeOnly.toLocaleString('en')} left records without a counterpart are written the same as a right record`,
);
const lookAlike = lookAlikeCeiling(views[0], views[1], truth);
console.log(
  `look-alike ceiling: F1 ${lookAlike.f1.toFixed(4)} — ${lookAlike.alike.toLocaleString('en')} true pairs (${pct(lookAlike.alike / files.truePairs)}) have records beside their counterpart that look the same from them ` +
    `(a pick among them loses ${lookAlike.lost.toLocaleString('en')})`,
);

// What the model saw in a pair: the reasons of its comparison, patronymic aside.
const freq = frequenciesOf([...left, ...right]);
const model = { ...DEFAULT_MODEL, priorLog2: priorFor(right.length) };
const kind = (i: number, j: number) =>
  compare(left[i]!, right[j]!, freq, model)
    .reasons.filter((r) => !r.startsWith('patronymic'))
    .join(', ');

// The same lists with every name in one spelling (no scripts, no typos, no offices' endings):
// what is left is what the columns cannot tell, so the gap to it is what spelling costs.
// A second whole link: on by default up to 200,000 a side, LINK_ONE_WAY=1 beyond.
if (files.left[0]?.shown && (size <= 200_000 || process.env.LINK_ONE_WAY === '1')) {
  const spelledOneWay = (xs: typeof files.left) =>
    xs.map((x) =>
      prepareRecord({
        ...x.record,
        firstName: x.shown!.given,
        lastName: x.shown!.family,
        patronymic: x.shown!.patronymic,
      }),
    );
  const oneWay = link(spelledOneWay(files.left), spelledOneWay(files.right));
  const q = quality(oneWay.pairs.map((p) => [p.left, p.right]));
  console.log(
    `same lists, every name spelled one way: precision ${pct(q.precision)}, recall ${pct(q.recall)}, F1 ${q.f1.toFixed(4)}`,
  );
  if (explain) {
    // True pairs that one spelling finds and the spellings as written lose.
    const ours = new Set(pairs.map((p) => `${p.left}|${p.right}`));
    const lost = oneWay.pairs.filter((p) => same(p.left, p.right) && !ours.has(`${p.left}|${p.right}`));
    console.log(`true pairs lost to spelling: ${lost.length}`);
    const show = (x: PersonRecord) =>
      [x.firstName, x.lastName, x.patronymic ?? '', x.sex ?? '', x.dateOfBirth ?? ''].join(' · ');
    for (const p of lost.slice(0, Number(process.env.LINK_EXAMPLES ?? 8)))
      console.log(
        `  ${show(files.left[p.left]!.record)}  ~  ${show(files.right[p.right]!.record)}  (${kind(p.left, p.right)})`,
      );
  }
}

if (explain) {
  const tally = (rows: string[]) => {
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r, (counts.get(r) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 12);
  };
  const linkedLeft = new Map(pairs.map((p) => [p.left, p.right]));
  const linkedRight = new Set(pairs.map((p) => p.right));
  const rightOf = new Map(files.right.map((x, j) => [x.entity, j]));
  const wrong = pairs.filter((p) => !same(p.left, p.right)).map((p) => kind(p.left, p.right));
  const missed: string[] = [];
  files.left.forEach((x, i) => {
    const j = rightOf.get(x.entity);
    if (j === undefined || linkedLeft.get(i) === j) return;
    const why = !blockedLeft[i]
      ? 'never compared'
      : linkedLeft.has(i)
        ? 'linked elsewhere'
        : linkedRight.has(j)
          ? 'counterpart taken'
          : 'below threshold';
    missed.push(`${why}: ${kind(i, j)}`);
  });
  console.log('wrong pairs, commonest kinds:');
  for (const [k, n] of tally(wrong)) console.log(`  ${n.toLocaleString('en')}  ${k}`);
  console.log('missed pairs, commonest kinds:');
  for (const [k, n] of tally(missed)) console.log(`  ${n.toLocaleString('en')}  ${k}`);
  const show = (x: PersonRecord) =>
    [x.firstName, x.lastName, x.patronymic ?? '', x.sex ?? '', x.dateOfBirth ?? ''].join(' · ');
  console.log('some wrong pairs:');
  const only = process.env.LINK_EXAMPLES_KIND;
  for (const p of pairs
    .filter((p) => !same(p.left, p.right) && (!only || kind(p.left, p.right) === only))
    .slice(0, Number(process.env.LINK_EXAMPLES ?? 8)))
    console.log(
      `  ${show(files.left[p.left]!.record)}  ~  ${show(files.right[p.right]!.record)}  (${p.comparison.probability.toFixed(3)})`,
    );
  console.log('some missed pairs:');
  let shown = 0;
  files.left.forEach((x, i) => {
    const j = rightOf.get(x.entity);
    if (j === undefined || linkedLeft.get(i) === j || shown++ >= Number(process.env.LINK_EXAMPLES ?? 8))
      return;
    const why = !blockedLeft[i]
      ? 'never compared; '
      : linkedLeft.has(i)
        ? 'linked elsewhere; '
        : linkedRight.has(j)
          ? 'counterpart taken; '
          : '';
    console.log(`  ${show(x.record)}  ~  ${show(files.right[j]!.record)}  (${why}${kind(i, j)})`);
  });
}
