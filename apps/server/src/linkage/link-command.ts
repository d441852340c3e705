import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { type Estimate, explanationText, prepareList } from '@komek/matching';
import { dedupeInParallel, linkInParallel } from '@komek/matching/parallel';
import { stringify } from 'csv-stringify/sync';
import { neutraliseRow } from '../platform/csv-cells.ts';
import { readPeopleCsv } from './read-people-csv.ts';

async function writeCsv(path: string, header: string[], rows: Iterable<Array<string | number>>) {
  const out = createWriteStream(path, { encoding: 'utf8' });
  out.write(stringify([header]));
  let chunk: Array<Array<string | number>> = [];
  for (const row of rows) {
    // Ids come from the input files: a hostile one must not become a formula in the output.
    chunk.push(neutraliseRow(row));
    if (chunk.length === 10_000) {
      if (!out.write(stringify(chunk))) await once(out, 'drain');
      chunk = [];
    }
  }
  out.write(stringify(chunk));
  out.end();
  await once(out, 'finish');
}

function estimateText(e: Estimate) {
  const sessions = e.sessions.map(
    (s) =>
      `${s.pairs} pairs drawn by ${s.drawnBy}` +
      (s.matchShare === undefined
        ? ''
        : ` (EM, ${s.iterations} rounds, ${(s.matchShare * 100).toFixed(1)} % one person)`),
  );
  const kept = e.keptDefaults.length ? `; default weights kept for ${e.keptDefaults.join('; ')}` : '';
  return `weights estimated for these lists from ${e.random} random pairs, ${sessions.join(' and ')}${kept}`;
}

/**
 * `komek link --left A.csv --right B.csv --out pairs.csv`: pairs judged the same person, each
 * record in one pair at most; `--many` keeps every pair above the match threshold, for lists
 * that may hold a person twice; `--explain FILE` writes the same pairs with each field's weight,
 * the prior and the rivals, for a person checking them. Pairs are compared on `threads` worker
 * threads (the machine's cores unless given); `--estimate` estimates the weights for the two
 * lists first, and says what it learnt from.
 */
export async function linkFiles(
  leftPath: string,
  rightPath: string,
  outPath: string,
  log: (s: string) => void,
  {
    many = false,
    explainPath,
    threads,
    estimate = false,
  }: { many?: boolean; explainPath?: string; threads?: number; estimate?: boolean } = {},
) {
  const started = Date.now();
  const left = prepareList(await readPeopleCsv(leftPath));
  const right = prepareList(await readPeopleCsv(rightPath));
  log(`${left.length} × ${right.length} records read, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  // A million a side takes minutes: say how far it has got, every tenth of the blocks.
  let told = -1;
  const {
    pairs,
    stats,
    explain,
    estimate: estimated,
  } = await linkInParallel(left, right, {
    oneToOne: !many,
    threads,
    estimate,
    onProgress: (done, total) => {
      const tenth = Math.floor((done / total) * 10);
      if (tenth > told) {
        told = tenth;
        log(`comparing: ${tenth * 10} % of ${total} blocks, ${((Date.now() - started) / 1000).toFixed(0)} s`);
      }
    },
  });
  if (estimated) log(estimateText(estimated));
  const ids = (p: (typeof pairs)[number]) => [left[p.left]!.id, right[p.right]!.id];
  await writeCsv(
    outPath,
    ['left_id', 'right_id', 'score'],
    pairs.map((p) => [...ids(p), p.comparison.probability.toFixed(4)]),
  );
  if (explainPath)
    await writeCsv(
      explainPath,
      ['left_id', 'right_id', 'score', 'explanation'],
      pairs.map((p) => [...ids(p), p.comparison.probability.toFixed(4), explanationText(explain(p))]),
    );
  log(
    `${left.length} × ${right.length} records: ${stats.candidatePairs} pairs compared, ${pairs.length} matches, ` +
      `${stats.splitBlocks} oversized blocks split, ${stats.skippedBlocks} parts over the cap skipped ` +
      `(${stats.skippedPairs} pairs), ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return { pairs: pairs.length, stats };
}

/** `komek dedupe --input A.csv --out clusters.csv`: every record with the cluster it belongs to. */
export async function dedupeFile(
  inputPath: string,
  outPath: string,
  log: (s: string) => void,
  { threads }: { threads?: number } = {},
) {
  const records = prepareList(await readPeopleCsv(inputPath));
  const { clusters, pairs, stats } = await dedupeInParallel(records, { threads });
  // A cluster is named after its first record in file order, so names are stable between runs.
  const firstOf = new Map<number, string>();
  clusters.forEach((root, i) => {
    if (!firstOf.has(root)) firstOf.set(root, records[i]!.id);
  });
  await writeCsv(
    outPath,
    ['id', 'cluster_id'],
    records.map((r, i) => [r.id, firstOf.get(clusters[i]!)!]),
  );
  const sizes = new Map<number, number>();
  for (const c of clusters) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const multi = [...sizes.values()].filter((n) => n > 1).length;
  log(
    `${records.length} records: ${pairs.length} duplicate pairs in ${multi} clusters; ${stats.candidatePairs} pairs compared`,
  );
  return { pairs: pairs.length, clusters: multi };
}
