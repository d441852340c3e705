import { request as httpRequest } from 'node:http';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, interventions, persons } from '../db/schema/index.ts';
import { openCase, personInput, registerPerson } from '../test/casework-fixtures.ts';
import { createTestApp, statusesUnderLimit, type TestApp } from '../test/harness.ts';
import { redactError } from './log-redaction.ts';

const formula = '=HYPERLINK("http://x.example","click")';

describe('holes an attacker, a fault or a retry finds', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('CSV exports', () => {
    it('writes a cell that would run as a formula as text, in the people and the case exports', async () => {
      const { session } = await t.signedIn('admin');
      const p = await registerPerson(t, session, {
        givenName: formula,
        familyName: '+7 701 000',
        latinName: '@SUM(A1)',
      });
      await openCase(t, session, [p.id]);
      for (const url of ['/api/persons/export?format=csv', '/api/cases/export?format=csv']) {
        const res = await t.app.inject({ method: 'GET', url, headers: session.headers });
        expect(res.statusCode, url).toBe(200);
        const cells = res.body.split(/[\n,]/).map((c) => c.replace(/^"|"$/g, '').replace(/""/g, '"'));
        expect(
          cells.some((c) => /^[=+@-]/.test(c)),
          `${url}: ${res.body}`,
        ).toBe(false);
        expect(res.body, url).toMatch(/'(=HYPERLINK|\+7 701)/);
      }
      // XLSX keeps them as text cells, never formulas.
      const xlsx = await t.app.inject({
        method: 'GET',
        url: '/api/persons/export?format=xlsx',
        headers: session.headers,
      });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const cells: unknown[] = [];
      book.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(c.value)));
      expect(cells.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
    });
  });

  describe('NUL bytes and error logs', () => {
    it('answers a NUL in a body or a query with 400 naming the field, in the caller language', async () => {
      const { session } = await t.signedIn('admin');
      const body = await t.app.inject({
        method: 'POST',
        url: '/api/persons',
        headers: { ...session.headers, 'accept-language': 'ru' },
        payload: personInput({ givenName: 'Ай\u0000гуль' }),
      });
      expect(body.statusCode).toBe(400);
      expect(body.json().error.details.issues[0]).toMatchObject({ path: 'givenName', code: 'nul_character' });
      expect(body.json().error.details.issues[0].message).toMatch(/символ/);
      const query = await t.app.inject({
        method: 'GET',
        url: '/api/persons?q=%00',
        headers: session.headers,
      });
      expect(query.statusCode).toBe(400);
      expect(query.json().error.details.issues[0]).toMatchObject({ path: 'q', in: 'querystring' });
    });

    it('logs a database error without its statement parameters or the quoted value', () => {
      const cause = Object.assign(new Error('invalid input syntax for type uuid: "Aigul Asanova"'), {
        code: '22P02',
        routine: 'string_to_uuid',
      });
      const wrapped = Object.assign(
        new Error('Failed query: insert into persons (given_name) values ($1)\nparams: Aigul Asanova'),
        { cause },
      );
      const logged = JSON.stringify(redactError(wrapped));
      expect(logged).not.toContain('Aigul');
      expect(logged).toContain('22P02');
    });

    it('writes no personal data to the log when a request fails', async () => {
      const lines: string[] = [];
      const logged = await createTestApp();
      const app = await (await import('../app.ts')).buildApp(logged.platform, {
        logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } },
      });
      try {
        const org = await logged.factory.org();
        const user = await logged.factory.user(org.id, 'admin');
        const login = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: user.email, password: 'correct horse battery' },
        });
        const cookie = login.cookies.find((c) => c.name === 'komek_session')!.value;
        const headers = { cookie: `komek_session=${cookie}`, 'x-csrf-token': login.json().csrfToken };
        await app.inject({ method: 'GET', url: '/api/persons?q=Zhumabaeva%20Aigul', headers });
        await app.inject({
          method: 'POST',
          url: '/api/persons',
          headers,
          payload: personInput({ givenName: 'Aigul\u0000' }),
        });
        expect(lines.length).toBeGreaterThan(0);
        expect(lines.join('\n')).not.toMatch(/Aigul|Zhumabaeva/);
      } finally {
        await app.close();
        await logged.close();
      }
    });
  });

  describe('addresses and proxies', () => {
    it('believes X-Forwarded-For only from configured proxies: rotating it does not escape the sign-in limit', async () => {
      const codes = await statusesUnderLimit(
        { production: true, trustedProxies: [] },
        async () => null,
        (_, i) => ({
          method: 'POST',
          url: '/api/auth/login',
          headers: { 'x-forwarded-for': `203.0.113.${i}` },
          payload: { email: 'x@y.example', password: 'nope-nope' },
        }),
      );
      expect(codes).toEqual([401, 401, 401, 429]);
    });

    it('answers oversized headers in the product error shape', async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const address = t.app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port, path: '/api/health', headers: { 'x-big': 'a'.repeat(20_000) } },
          (res) => {
            let data = '';
            res.on('data', (c) => {
              data += c;
            });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
          },
        );
        req.on('error', reject);
        req.end();
      });
      expect(status).toBe(431);
      expect(JSON.parse(body)).toMatchObject({
        error: { code: 'bad_request', details: { reason: 'headers_too_large' } },
      });
    });

    it('words upload issues for a person, like every other error', async () => {
      const { session } = await t.signedIn('admin');
      const p = await registerPerson(t, session);
      const c = await openCase(t, session, [p.id]);
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/cases/${c.id}/attachments`,
        headers: { ...session.headers, 'accept-language': 'ky' },
        payload: {
          filename: 'scan.pdf',
          mimeType: 'application/pdf',
          contentBase64: Buffer.from('not a pdf').toString('base64'),
        },
      });
      expect(res.statusCode).toBe(400);
      const [issue] = res.json().error.details.issues;
      expect(issue).toMatchObject({ path: 'mimeType', code: 'content_does_not_match_type' });
      expect(issue.message).toMatch(/Файлдын/);
    });
  });

  describe('retries with an Idempotency-Key', () => {
    it('creates a person once for three identical requests, and refuses the key with another body', async () => {
      const { session, org } = await t.signedIn('admin');
      const headers = { ...session.headers, 'idempotency-key': 'reg-0001-abcdef' };
      const payload = personInput({ givenName: 'Retried', familyName: 'Once' });
      const answers = [];
      for (let i = 0; i < 3; i++)
        answers.push(await t.app.inject({ method: 'POST', url: '/api/persons', headers, payload }));
      expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
      expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
      expect(answers[1]!.headers['idempotent-replayed']).toBe('true');
      const rows = await t.db.select().from(persons).where(eq(persons.orgId, org.id));
      expect(rows).toHaveLength(1);
      const created = await t.db.select().from(auditLog).where(eq(auditLog.entityId, rows[0]!.id));
      expect(created.filter((e) => e.action === 'person.created')).toHaveLength(1);
      const other = await t.app.inject({
        method: 'POST',
        url: '/api/persons',
        headers,
        payload: { ...payload, givenName: 'Other' },
      });
      expect(other.statusCode).toBe(422);
      expect(other.json().error.code).toBe('idempotency_mismatch');
    });

    it('creates one record when the same key arrives twice at once', async () => {
      const { session, org } = await t.signedIn('admin');
      const headers = { ...session.headers, 'idempotency-key': 'race-0001-abcdef' };
      const payload = personInput({ givenName: 'Raced' });
      const both = await Promise.all(
        [0, 1].map(() => t.app.inject({ method: 'POST', url: '/api/persons', headers, payload })),
      );
      expect(both.map((b) => b.statusCode)).toEqual([201, 201]);
      expect(await t.db.select().from(persons).where(eq(persons.orgId, org.id))).toHaveLength(1);
    });

    it('logs a consultation once, under the id the client chose', async () => {
      const { session } = await t.signedIn('admin');
      const p = await registerPerson(t, session);
      const c = await openCase(t, session, [p.id]);
      const id = '01930000-0000-7000-8000-00000000abcd';
      const payload = {
        id,
        type: 'consultation',
        date: '2026-11-30',
        durationMinutes: 30,
        channel: 'in_person',
        language: 'ky',
      };
      const headers = { ...session.headers, 'idempotency-key': 'consult-0001-ab' };
      for (let i = 0; i < 3; i++) {
        const res = await t.app.inject({
          method: 'POST',
          url: `/api/cases/${c.id}/interventions`,
          headers,
          payload,
        });
        expect(res.statusCode).toBe(201);
        expect(res.json().id).toBe(id);
      }
      expect(await t.db.select().from(interventions).where(eq(interventions.caseId, c.id))).toHaveLength(1);
      // The same id again without the key is another attempt at one record: a conflict, not a second row.
      const again = await t.app.inject({
        method: 'POST',
        url: `/api/cases/${c.id}/interventions`,
        headers: session.headers,
        payload,
      });
      expect(again.statusCode).toBe(409);
    });

    it('refuses a malformed key by name', async () => {
      const { session } = await t.signedIn('admin');
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/persons',
        headers: { ...session.headers, 'idempotency-key': 'x' },
        payload: personInput(),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues[0]).toMatchObject({ path: 'Idempotency-Key', in: 'headers' });
    });
  });
});
