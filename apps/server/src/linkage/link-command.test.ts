import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { dedupeFile, linkFiles } from './link-command.ts';
import { decodeText, readPeopleCsv } from './read-people-csv.ts';

const dir = mkdtempSync(join(tmpdir(), 'komek-link-'));
const header = 'id,first_name,last_name,patronymic,sex,date_of_birth\n';

/** Windows-1251 by hand: А–я sit at 0xC0–0xFF, Ё and ё at 0xA8 and 0xB8. */
function cp1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const c = ch.charCodeAt(0);
      if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
      if (ch === 'Ё') return 0xa8;
      if (ch === 'ё') return 0xb8;
      if (c < 0x80) return c;
      throw new Error(`no cp1251 for ${ch}`);
    }),
  );
}

/** The `left-right` ids of each pair a link output file holds, in file order. */
const linkedIds = (path: string) =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',').slice(0, 2).join('-'));

describe('komek link and dedupe', () => {
  it('reads UTF-8 with a byte-order mark and Windows-1251 alike', async () => {
    const rows = `${header}1,Бакыт,Жумабаев,,м,1984-03-02\n2,Гульнара,Садыкова,Асановна,ж,1991\n`;
    writeFileSync(join(dir, 'bom.csv'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rows)]));
    writeFileSync(join(dir, 'win.csv'), cp1251(rows));
    expect(decodeText(cp1251(rows)).encoding).toBe('windows-1251');
    const fromBom = await readPeopleCsv(join(dir, 'bom.csv'));
    const fromWin = await readPeopleCsv(join(dir, 'win.csv'));
    expect(fromBom).toEqual(fromWin);
    expect(fromBom[1]).toMatchObject({
      id: '2',
      firstName: 'Гульнара',
      patronymic: 'Асановна',
      dateOfBirth: '1991',
    });
  });

  it('writes left_id,right_id,score for the pairs judged the same person', async () => {
    writeFileSync(
      join(dir, 'a.csv'),
      `${header}a1,Бакыт,Жумабаев,,m,1984-03-02\na2,Дилноза,Ҳасанова,,f,1990\na3,Азамат,Асанов,,m,1975\n`,
    );
    writeFileSync(
      join(dir, 'b.csv'),
      `${header}b1,Bakyt,Zhumabaev,,M,1984\nb2,"Xasanova",Dilnoza,,F,1990-05-01\nb3,Azamat,Asanov,,m,1999\n`,
    );
    const out = join(dir, 'pairs.csv');
    await linkFiles(join(dir, 'a.csv'), join(dir, 'b.csv'), out, () => {});
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('left_id,right_id,score');
    const pairs = lines.slice(1).map((l) => l.split(','));
    expect(pairs.map(([l, r]) => `${l}-${r}`).sort()).toEqual(['a1-b1', 'a2-b2']);
    for (const [, , score] of pairs) expect(Number(score)).toBeGreaterThanOrEqual(0.5);
  });

  it('links each record once, to the namesake whose birth date agrees; --many keeps every match', async () => {
    writeFileSync(join(dir, 'l.csv'), `${header}l1,Бакыт,Асанов,Нурланович,m,1984-03-02\n`);
    writeFileSync(
      join(dir, 'r.csv'),
      `${header}r1,Bakyt,Asanov,,m,1984\nr2,Bakyt,Asanov,Nurlanovich,m,1984-03-02\nr3,Bakyt,Asanov,,m,1962-07-11\n`,
    );
    const out = join(dir, 'one.csv');
    await linkFiles(join(dir, 'l.csv'), join(dir, 'r.csv'), out, () => {});
    expect(linkedIds(out)).toEqual(['l1-r2']);
    await linkFiles(join(dir, 'l.csv'), join(dir, 'r.csv'), out, () => {}, { many: true });
    expect(linkedIds(out).sort()).toEqual(['l1-r1', 'l1-r2']);
  });

  it('explains each pair field by field with --explain, the pairs file unchanged', async () => {
    writeFileSync(
      join(dir, 'af.csv'),
      `${header}a1,محمد,کریمی,احمد,مرد,1370\na2,Zahra,,Hussain,f,1365/02/10\na3,حسین,احمدزی,,m,۱۳۶۲\n`,
    );
    writeFileSync(
      join(dir, 'tj.csv'),
      `${header}t1,Муҳаммад,Каримов,Аҳмадович,m,1991-01-01\nt2,Зуҳро,Ҳусейнова,,f,1986-04-30\nt3,Ҳасан,Аҳмадзай,,m,1983\n`,
    );
    const out = join(dir, 'af-pairs.csv');
    const why = join(dir, 'af-why.csv');
    await linkFiles(join(dir, 'af.csv'), join(dir, 'tj.csv'), out, () => {}, { explainPath: why });
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('left_id,right_id,score');
    // Hussain is not Hasan: the twins' names keep a3 and t3 apart.
    expect(linkedIds(out).sort()).toEqual(['a1-t1', 'a2-t2']);
    const lines = readFileSync(why, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('left_id,right_id,score,explanation');
    const a1 = lines.find((l) => l.startsWith('a1,t1,'))!;
    expect(a1).toMatch(/given name exact \+\d/);
    expect(a1).toMatch(/patronymic exact \+\d/);
    expect(a1).toMatch(/prior −\d/);
    expect(a1).toMatch(/→ 0\.\d{4}/);
    const a2 = lines.find((l) => l.startsWith('a2,t2,'))!;
    // Her family name is her father's, made Tajik (Ҳусейнова).
    expect(a2).toMatch(/family name as father's name close \+\d/);
  });

  it('estimates the weights for the two lists when asked, and says what it learnt from', async () => {
    const out = join(dir, 'estimated.csv');
    const said: string[] = [];
    await linkFiles(join(dir, 'a.csv'), join(dir, 'b.csv'), out, (s) => said.push(s), { estimate: true });
    expect(said[0]).toMatch(/^3 × 3 records read, \d+ s$/);
    // Three records a side teach nothing: the defaults are kept, and the log says so.
    expect(said.join('\n')).toMatch(
      /weights estimated for these lists from 100000 random pairs, \d+ pairs drawn by birth date/,
    );
    expect(said.join('\n')).toMatch(/default weights kept for names: only \d+ pairs to learn from/);
    expect(linkedIds(out).sort()).toEqual(['a1-b1', 'a2-b2']);
  });

  it('writes every record with its cluster for dedupe', async () => {
    writeFileSync(
      join(dir, 'd.csv'),
      `${header}1,Нурлан,Мамытов,,m,1970-01-01\n2,Nurlan,Mamytov,,m,1970\n3,Эрмек,Мамытов,,m,1972\n4,Nurlan,Mamitov,,m,1970-01\n`,
    );
    const out = join(dir, 'clusters.csv');
    await dedupeFile(join(dir, 'd.csv'), out, () => {});
    expect(readFileSync(out, 'utf8').trim().split('\n')).toEqual([
      'id,cluster_id',
      '1,1',
      '2,1',
      '3,3',
      '4,1',
    ]);
  });

  it('rejects a bad file with the file and line named, exit code 2 and no stack trace', async () => {
    const cases: Array<[string, RegExp]> = [
      [`${header}1,A,B,,m,1990-02-31x\n`, /bad\.csv line 2: date_of_birth "1990-02-31x"/],
      [`${header}1,A,B,,m,1990\n1,C,D,,f,1991\n`, /line 3: id "1" appears twice/],
      [
        'id,first,last\n1,A,B\n',
        /line 1: missing column\(s\) first_name, last_name, patronymic, sex, date_of_birth/,
      ],
      [`${header}1,"unclosed,B,,m,1990\n`, /bad\.csv line \d+: /],
    ];
    const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));
    const tsx = fileURLToPath(new URL('../../../../node_modules/.bin/tsx', import.meta.url));
    for (const [content, message] of cases) {
      writeFileSync(join(dir, 'bad.csv'), content);
      const run = promisify(execFile)(tsx, [
        cli,
        'dedupe',
        '--input',
        join(dir, 'bad.csv'),
        '--out',
        join(dir, 'x.csv'),
      ]);
      const error = (await run.then(
        () => null,
        (e: unknown) => e,
      )) as { code: number; stderr: string } | null;
      expect(error?.code).toBe(2);
      expect(error?.stderr).toMatch(message);
      expect(error?.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    }
  }, 60_000);

  it('links from the command line on worker threads, and refuses a thread count below one', async () => {
    const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));
    const tsx = fileURLToPath(new URL('../../../../node_modules/.bin/tsx', import.meta.url));
    writeFileSync(
      join(dir, 'cl.csv'),
      `${header}l1,Бакыт,Жумабаев,,m,1984-03-02\nl2,Дилноза,Ҳасанова,,f,1990\n`,
    );
    writeFileSync(
      join(dir, 'cr.csv'),
      `${header}r1,Bakyt,Zhumabaev,,M,1984\nr2,Dilnoza,Xasanova,,F,1990-05-01\n`,
    );
    const out = join(dir, 'cli-pairs.csv');
    const args = ['link', '--left', join(dir, 'cl.csv'), '--right', join(dir, 'cr.csv'), '--out', out];
    const { stderr } = await promisify(execFile)(tsx, [cli, ...args, '--threads', '2']);
    expect(stderr).toMatch(/2 × 2 records: \d+ pairs compared, 2 matches/);
    expect(linkedIds(out).sort()).toEqual(['l1-r1', 'l2-r2']);
    const refused = (await promisify(execFile)(tsx, [cli, ...args, '--threads', '0']).then(
      () => null,
      (e: unknown) => e,
    )) as { code: number; stderr: string } | null;
    expect(refused?.code).toBe(2);
    expect(refused?.stderr).toMatch(/--threads takes a whole number from 1 to 64/);
  }, 60_000);
});
