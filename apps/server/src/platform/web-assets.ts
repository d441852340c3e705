import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Vite names these by their content hash: a changed file gets a new name, so they never go stale. */
const HASHED = /\/assets\//;

/**
 * The built web app. Hashed assets are cached for a year; the page, the service worker and the
 * manifest are revalidated on every load so that a new version is found. Each file is sent as
 * the brotli or gzip copy the build made beside it, when the browser takes one.
 */
export async function registerWebAssets(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
