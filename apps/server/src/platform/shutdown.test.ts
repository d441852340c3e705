import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServerProcess } from '../test/server-process.ts';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

// The behaviour of the process, the same on either database: walked on the embedded one.
describe.skipIf(!!process.env.TEST_DATABASE_URL)('a served node shutting down', () => {
  it('says it is not ready at SIGTERM, answers the request in flight, then exits cleanly', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'komek-shutdown-'));
    const server = await startServerProcess({ dataDir }, [], {
      KOMEK_DRAIN_SECONDS: '2',
      KOMEK_SHUTDOWN_SECONDS: '20',
    });
    const ready = () => fetch(`${server.url}/api/health/ready`).then((r) => r.status);
    expect(await ready()).toBe(200);

    // A sign-in whose body is still arriving when the signal comes, and after the port closed.
    const body = JSON.stringify({ email: 'nobody@example.org', password: 'not-the-password' });
    const answered = new Promise<number>((resolve, reject) => {
      const req = request(
        `${server.url}/api/auth/login`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => req.end(body.slice(10)), 3_500);
    });
    await pause(300);
    server.process.kill('SIGTERM');
    let status = 0;
    for (let i = 0; i < 15 && status !== 503; i++) {
      status = await ready();
      if (status !== 503) await pause(100);
    }
    expect(status).toBe(503);
    expect(await answered).toBe(401);
    const [code] = await once(server.process, 'exit');
    expect(code).toBe(0);
    expect(server.output()).not.toContain('nobody@example.org');
  }, 60_000);
});
