/**
 * Writes a linkage set as the files `komek link` reads, so that the command itself can be timed
 * and scored: `npx tsx bench/linkage-files.ts DIR` writes DIR/left.csv, DIR/right.csv and
 * DIR/truth.csv (the true pairs); LINK_SET, LINK_SIZE and LINK_SEED as for `linkage.bench.ts`.
 * Then `komek link --left DIR/left.csv --right DIR/right.csv --out DIR/pairs.csv` under
 * `/usr/bin/time -v`, and `npx tsx bench/linkage-score.ts DIR` for precision, recall and F1.
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PersonRecord } from '@komek/matching';
import { stringify } from 'csv-stringify/sync';
import { afghanLinkageFiles } from './linkage-afghan.ts';
import { HARD, HARDER, linkageFiles } from './linkage-population.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: linkage-files.ts DIR');
const size = Number(process.env.LINK_SIZE ?? 100_000);
const seed = Number(process.env.LINK_SEED ?? 42);
const set = process.env.LINK_SET ?? 'central';
const files =
  set === 'afghan'
    ? afghanLinkageFiles(size, seed)
    : linkageFiles(size, seed, 0.5, set === 'harder' ? HARDER : HARD);
mkdirSync(dir, { recursive: true });

async function write(name: string, header: string[], rows: Iterable<unknown[]>) {
  const out = createWriteStream(join(dir!, name));
  out.write(stringify([header]));
  let chunk: unknown[][] = [];
  const flush = async () => {
    if (!out.write(stringify(chunk))) await once(out, 'drain');
    chunk = [];
  };
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length === 10_000) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
}

const columns = ['id', 'first_name', 'last_name', 'patronymic', 'sex', 'date_of_birth'];
const row = (r: PersonRecord) => [
  r.id,
  r.firstName,
  r.lastName,
  r.patronymic ?? '',
  r.sex ?? '',
  r.dateOfBirth ?? '',
];
await write(
  'left.csv',
  columns,
  files.left.map((x) => row(x.record)),
);
await write(
  'right.csv',
  columns,
  files.right.map((x) => row(x.record)),
);
const rightOf = new Map(files.right.map((x) => [x.entity, x.record.id]));
await write(
  'truth.csv',
  ['left_id', 'right_id'],
  files.left.flatMap((x) => (rightOf.has(x.entity) ? [[x.record.id, rightOf.get(x.entity)]] : [])),
);
console.log(`${files.left.length} × ${files.right.length} records, ${files.truePairs} true pairs, in ${dir}`);
