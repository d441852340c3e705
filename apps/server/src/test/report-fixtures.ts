import { expect } from 'vitest';
import type { Session, TestApp } from './harness.ts';

/** Asks for a results report and waits for it to be built; answers the file's bytes. */
export async function builtReport(t: TestApp, s: Session, year: number, format: 'xlsx' | 'pdf') {
  const inject = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api${url}`, headers: s.headers, payload });
  let run = (await inject('POST', '/results/reports', { year, format })).json();
  expect(run.status).toMatch(/queued|running|done/);
  for (let i = 0; i < 100 && run.status !== 'done' && run.status !== 'failed'; i++) {
    await new Promise((r) => setTimeout(r, 100));
    run = (await inject('GET', `/results/reports/${run.id}`)).json();
  }
  expect(run).toMatchObject({ status: 'done', progress: 100 });
  const file = await inject('GET', `/results/reports/${run.id}/file`);
  expect(file.statusCode).toBe(200);
  return file.rawPayload;
}
