import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { ensureBucket } from '../platform/file-store.ts';

/** An S3-compatible server on loopback (s3rver) with one bucket: its KOMEK_S3_URL, and a stop. */
export async function startObjectStore(bucket: string): Promise<{ url: string; close: () => Promise<void> }> {
  const folder = mkdtempSync(join(tmpdir(), 'komek-s3-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: folder });
  const { port } = await server.run();
  const url = `http://S3RVER:S3RVER@127.0.0.1:${port}/${bucket}`;
  await ensureBucket(url);
  return {
    url,
    close: async () => {
      await server.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
