import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

describe('what to say on the hotline', () => {
  let t: TestApp;
  let admin: Session;
  let lawyer: Session;
  beforeAll(async () => {
    t = await createTestApp();
    const s = await t.signedIn('admin');
    admin = s.session;
    lawyer = await t.login((await t.factory.user(s.org.id, 'lawyer')).email);
  });
  afterAll(() => t.close());

  const save = (session: Session, payload: object, problem = 'civil_documentation_birth_registration') =>
    t.app.inject({ method: 'PUT', url: `/api/intake/answers/${problem}`, headers: session.headers, payload });

  it('is written by an administrator per topic and language, read by whoever takes calls, and not overwritten unseen', async () => {
    const first = await save(admin, {
      texts: { ru: 'Для поздней регистрации рождения нужны…', en: 'A late birth registration needs…' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 1 });
    // A second "first" wording of the same topic, written meanwhile: refused, not lost silently.
    expect((await save(admin, { texts: { en: 'Other words' } })).statusCode).toBe(409);
    const second = await save(admin, {
      version: 1,
      texts: { ...first.json().texts, ky: 'Төрөлгөндү кеч каттоо үчүн…' },
    });
    expect(second.json()).toMatchObject({ version: 2 });
    expect((await save(admin, { version: 1, texts: { en: 'stale' } })).statusCode).toBe(409);

    const read = await t.app.inject({ method: 'GET', url: '/api/intake/answers', headers: lawyer.headers });
    expect(read.json().items).toEqual([
      {
        problem: 'civil_documentation_birth_registration',
        version: 2,
        texts: {
          ru: 'Для поздней регистрации рождения нужны…',
          en: 'A late birth registration needs…',
          ky: 'Төрөлгөндү кеч каттоо үчүн…',
        },
      },
    ]);
    // Lawyers read it; the organisation's administrators keep it.
    expect((await save(lawyer, { version: 2, texts: { en: 'mine' } })).statusCode).toBe(403);
    const empty = await t.app.inject({
      method: 'PUT',
      url: '/api/intake/answers/family',
      headers: { ...admin.headers, 'accept-language': 'ky' },
      payload: { texts: {} },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.issues[0].path).toBe('texts');
  });
});
