import { readFileSync } from 'node:fs';
import { parseAst } from 'vite';
import { describe, expect, it } from 'vitest';
import { stripContractSchemas } from './contract-addresses.ts';

type Parse = Parameters<typeof stripContractSchemas>[1];
const parse = ((code: string) => parseAst(code)) as unknown as Parse;

describe('contracts in the browser build', () => {
  it('keep their address and drop their schemas, in contracts and in the fragments spread into them', () => {
    const source = `
      import { contract } from '../contract.ts';
      import { zIdParams, zItems, zList, zListUpload } from '../schemas.ts';
      const caseFile = { tags: ['cases'], params: zIdParams };
      export const listsApi = {
        upload: contract({ method: 'POST', path: '/lists', body: zListUpload, status: 202, response: zList }),
        rows: contract({ ...caseFile, method: 'GET', path: '/cases/:id/rows', query: zItems(zList), audit: 'x' }),
      };`;
    const out = stripContractSchemas(source, parse);
    expect(out).not.toBeNull();
    const code = out?.code ?? '';
    expect(code).not.toMatch(/zListUpload,|zList\b\)|zIdParams }|zItems\(/);
    expect(code).toContain("upload: contract({ method: 'POST', path: '/lists', status: 202 })");
    expect(code).toContain(
      "rows: contract({ ...caseFile, method: 'GET', path: '/cases/:id/rows', audit: 'x' })",
    );
    expect(code).toContain("const caseFile = { tags: ['cases'] }");
    // What is left is still JavaScript.
    expect(() => parseAst(code)).not.toThrow();
  });

  it('leaves a module without schemas alone', () => {
    expect(stripContractSchemas("export const a = { method: 'GET', path: '/x' };", parse)).toBeNull();
  });

  it('runs on every API module of the domain and leaves each one parseable', () => {
    const dir = new URL('../../../packages/domain/src/api/', import.meta.url);
    for (const name of ['auth', 'cases', 'lists', 'persons', 'platform', 'settings']) {
      // TypeScript is stripped before the plugin runs; these modules' only TS is `as const`.
      const source = readFileSync(new URL(`${name}.api.ts`, dir), 'utf8')
        .replace(/ as const/g, '')
        .replace(/import type [^;]+;/g, '');
      const out = stripContractSchemas(source, parse);
      expect(out, name).not.toBeNull();
      expect(() => parseAst(out?.code ?? ''), name).not.toThrow();
      expect(out?.code, name).not.toMatch(/\b(body|response|query|params):/);
    }
  });
});
