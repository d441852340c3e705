/** Precision, recall and F1 of DIR/pairs.csv against DIR/truth.csv (see `linkage-files.ts`). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

const dir = process.argv[2];
if (!dir) throw new Error('usage: linkage-score.ts DIR');
const rows = (name: string) => parse(readFileSync(join(dir, name)), { from_line: 2 }) as string[][];
const truth = new Set(rows('truth.csv').map(([l, r]) => `${l}|${r}`));
const found = rows('pairs.csv');
const right = found.filter(([l, r]) => truth.has(`${l}|${r}`)).length;
const precision = found.length ? right / found.length : 0;
const recall = right / truth.size;
const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
console.log(
  `pairs ${found.length}, true pairs ${truth.size}: precision ${(precision * 100).toFixed(1)} %, recall ${(recall * 100).toFixed(1)} %, F1 ${f1.toFixed(4)}`,
);
