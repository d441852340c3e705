/**
 * Bytes a route downloads on first open: the files the page itself names (its scripts and
 * stylesheet) and the chunks reachable by static imports from the route's page module, read from
 * Vite's build manifest, each compressed as the server sends it (brotli, else gzip).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface RouteBytes {
  route: string;
  files: number;
  raw: number;
  gzip: number;
  brotli: number;
  /** Of the brotli bytes, those of JavaScript (the goal counts JavaScript). */
  jsBrotli: number;
}

/** The page module each measured route opens first. */
export const ROUTE_MODULES: Record<string, string[]> = {
  '/login': ['src/features/auth/LoginPage.tsx'],
  '/ (signed-in home)': ['src/features/home/HomePage.tsx', 'src/components/Shell.tsx'],
  '/persons/new': ['src/features/persons/PersonForm.tsx', 'src/components/Shell.tsx'],
  '/results': ['src/features/results/ResultsPage.tsx', 'src/components/Shell.tsx'],
};

function reach(manifest: Manifest, key: string, seen: Set<string>) {
  const chunk = manifest[key];
  if (seen.has(key) || !chunk) return;
  seen.add(key);
  for (const next of chunk.imports ?? []) reach(manifest, next, seen);
}

function sizeOf(dist: string, file: string) {
  const body = readFileSync(join(dist, file));
  const br = existsSync(join(dist, `${file}.br`))
    ? statSync(join(dist, `${file}.br`)).size
    : brotliCompressSync(body).length;
  const gz = existsSync(join(dist, `${file}.gz`))
    ? statSync(join(dist, `${file}.gz`)).size
    : gzipSync(body).length;
  return { raw: body.length, gzip: gz, brotli: br };
}

/** The files `index.html` loads by itself: the first download of every route. */
function pageFiles(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  return [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="stylesheet"[^>]*\shref)="\/([^"]+)"/g)].map(
    (m) => m[1] as string,
  );
}

/** Files a route needs, by the chunks its modules reach (a module may be a dynamic import's target). */
export function routeBytes(dist: string): RouteBytes[] {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const first = pageFiles(dist);
  if (!first.some((f) => f.endsWith('.js'))) throw new Error('index.html loads no script');
  const byFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
  return Object.entries(ROUTE_MODULES).map(([route, modules]) => {
    const keys = new Set<string>();
    const starts = [...first.map((f) => byFile.get(f)), ...modules].filter((k): k is string => !!k);
    for (const key of starts) {
      const chunkKey = Object.keys(manifest).find((k) => k === key || manifest[k]?.src === key) ?? key;
      reach(manifest, chunkKey, keys);
    }
    const files = new Set<string>(first);
    for (const key of keys) {
      const chunk = manifest[key];
      if (!chunk) continue;
      files.add(chunk.file);
      for (const css of chunk.css ?? []) files.add(css);
    }
    const total = { route, files: files.size, raw: 0, gzip: 0, brotli: 0, jsBrotli: 0 };
    for (const file of files) {
      const size = sizeOf(dist, file);
      total.raw += size.raw;
      total.gzip += size.gzip;
      total.brotli += size.brotli;
      if (file.endsWith('.js')) total.jsBrotli += size.brotli;
    }
    return total;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? 'apps/web/dist';
  for (const r of routeBytes(dist)) {
    console.log(
      `${r.route.padEnd(22)} ${String(r.files).padStart(3)} files  raw ${(r.raw / 1024).toFixed(0).padStart(5)} KB  gzip ${(r.gzip / 1024).toFixed(0).padStart(4)} KB  brotli ${(r.brotli / 1024).toFixed(0).padStart(4)} KB (JS ${(r.jsBrotli / 1024).toFixed(0)} KB)`,
    );
  }
}
