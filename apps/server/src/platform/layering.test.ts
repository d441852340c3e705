import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
// The domain modules, and the public help site's server-rendered pages, hold to the same layers.
const layered = ['apps/server/src/modules', 'apps/server/src/public'].map((dir) => join(root, dir));

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) return [];
    if (statSync(path).isDirectory()) return filesUnder(path, keep);
    return keep(path) ? [path] : [];
  });
}

const source = (path: string) => /\.(ts|tsx)$/.test(path) && !path.endsWith('.d.ts');
const rel = (path: string) => relative(root, path);

/** Value imports of the query builder or the tables: what a file needs to write SQL. */
const QUERY_IMPORT = /^import\s+(?!type\b)[^;]*from\s+'(drizzle-orm[^']*|[./]*\/db\/schema[^']*)'/m;
const RAW_SQL = /\b(executeSql|executeSqlOf|queryRows|runOf)\b|\.execute\(/;

describe('the layers hold', () => {
  it('keeps every query in a repository: no route, service or presenter builds SQL', () => {
    const offenders = layered
      .flatMap((dir) => filesUnder(dir, (p) => source(p) && !p.endsWith('.repo.ts') && !p.includes('.test.')))
      .filter((path) => {
        const text = readFileSync(path, 'utf8');
        return QUERY_IMPORT.test(text) || RAW_SQL.test(text);
      })
      .map(rel);
    expect(offenders).toEqual([]);
  });

  it('keeps routes off the database: they call services, which reach it through repositories', () => {
    const offenders = layered
      .flatMap((dir) => filesUnder(dir, (p) => p.endsWith('.routes.ts')))
      .filter((path) => /\bdatabase\b|\bdb\b/.test(readFileSync(path, 'utf8')))
      .map(rel);
    expect(offenders).toEqual([]);
  });

  it('keeps files small enough to read: none over 400 lines', () => {
    const dirs = ['apps', 'packages', 'bench', 'e2e'].map((d) => join(root, d));
    const long = dirs
      .flatMap((dir) => filesUnder(dir, (p) => source(p) && !p.includes('/migrations/')))
      .map((path) => ({ path: rel(path), lines: readFileSync(path, 'utf8').split('\n').length }))
      .filter((f) => f.lines > 400);
    expect(long).toEqual([]);
  });
});
