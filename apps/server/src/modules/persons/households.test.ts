import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerPerson } from '../../test/casework-fixtures.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

describe('households', () => {
  let t: TestApp;
  let supervisor: Session;
  let field: Session;
  beforeAll(async () => {
    t = await createTestApp();
    const s = await t.signedIn('supervisor');
    supervisor = s.session;
    const worker = await t.factory.user(s.org.id, 'field_worker');
    field = await t.login(worker.email);
  });
  afterAll(() => t.close());

  const send = (session: Session, method: 'POST' | 'PUT' | 'GET', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: session.headers, payload });
  const householdOf = async (session: Session, personId: string) => {
    const person = await send(session, 'GET', `/api/persons/${personId}`);
    return person.json().householdId as string | null;
  };

  it('renames a household, adds, removes and re-relates members; a stale edit is refused with the current version', async () => {
    const mother = await registerPerson(t, supervisor, { givenName: 'Айгуль', sex: 'female' });
    const son = await registerPerson(t, supervisor, { givenName: 'Нурлан', birthDate: '2019-04' });
    const grandmother = await registerPerson(t, supervisor, { givenName: 'Бурул', sex: 'female' });
    const created = await send(supervisor, 'POST', '/api/households', {
      name: 'Жумабаевы',
      members: [
        { personId: mother.id, relationship: 'head' },
        { personId: son.id, relationship: 'other_relative' },
      ],
    });
    expect(created.statusCode).toBe(201);
    const { id, version } = created.json();

    const updated = await send(supervisor, 'PUT', `/api/households/${id}`, {
      version,
      name: 'Жумабаевы (Кара-Суу)',
      members: [
        { personId: mother.id, relationship: 'head' },
        { personId: grandmother.id, relationship: 'parent' },
      ],
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ name: 'Жумабаевы (Кара-Суу)', version: version + 1 });
    expect(
      updated
        .json()
        .members.map((m: { person: { id: string }; relationship: string }) => [m.person.id, m.relationship])
        .sort(),
    ).toEqual(
      [
        [mother.id, 'head'],
        [grandmother.id, 'parent'],
      ].sort(),
    );
    expect(await householdOf(supervisor, son.id)).toBeNull();
    expect(await householdOf(supervisor, grandmother.id)).toBe(id);

    // The son back, as a child, on the version seen before: someone changed it meanwhile.
    const stale = await send(supervisor, 'PUT', `/api/households/${id}`, {
      version,
      name: 'Жумабаевы',
      members: [{ personId: son.id, relationship: 'child' }],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'version_conflict',
      details: { currentVersion: version + 1 },
    });
    expect(await householdOf(supervisor, son.id)).toBeNull();
  });

  it('moves a person who joins a household out of the one they were in', async () => {
    const a = await registerPerson(t, supervisor, { givenName: 'Азамат' });
    const b = await registerPerson(t, supervisor, { givenName: 'Бекзат' });
    const first = await send(supervisor, 'POST', '/api/households', {
      name: 'First',
      members: [
        { personId: a.id, relationship: 'head' },
        { personId: b.id, relationship: 'sibling' },
      ],
    });
    const second = await send(supervisor, 'POST', '/api/households', {
      name: 'Second',
      members: [{ personId: b.id, relationship: 'head' }],
    });
    expect(second.statusCode).toBe(201);
    const firstNow = await send(supervisor, 'GET', `/api/households/${first.json().id}`);
    expect(firstNow.json().members.map((m: { person: { id: string } }) => m.person.id)).toEqual([a.id]);
    expect(await householdOf(supervisor, b.id)).toBe(second.json().id);
  });

  it('refuses a person listed twice, in the reader’s language, and keeps a member the editor cannot see', async () => {
    const own = await registerPerson(t, field, { givenName: 'Гулнара', sex: 'female' });
    const twice = await t.app.inject({
      method: 'POST',
      url: '/api/households',
      headers: { ...field.headers, 'accept-language': 'ky' },
      payload: {
        name: 'Twice',
        members: [
          { personId: own.id, relationship: 'head' },
          { personId: own.id, relationship: 'child' },
        ],
      },
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.details.issues[0]).toMatchObject({
      path: 'members',
      message: 'Бир адам эки жолу көрсөтүлгөн. Ар бир мүчөгө бир сап калтырыңыз.',
    });

    const created = await send(field, 'POST', '/api/households', {
      name: 'Осмоновы',
      members: [{ personId: own.id, relationship: 'head' }],
    });
    const id = created.json().id as string;
    // The supervisor adds a relative the field worker did not register and so does not see.
    const relative = await registerPerson(t, supervisor, { givenName: 'Жыпар' });
    const withRelative = await send(supervisor, 'PUT', `/api/households/${id}`, {
      version: created.json().version,
      name: 'Осмоновы',
      members: [
        { personId: own.id, relationship: 'head' },
        { personId: relative.id, relationship: 'spouse' },
      ],
    });
    expect(withRelative.statusCode).toBe(200);
    const seen = await send(field, 'GET', `/api/households/${id}`);
    expect(seen.json().members).toHaveLength(1);

    const renamed = await send(field, 'PUT', `/api/households/${id}`, {
      version: seen.json().version,
      name: 'Осмоновы (Ноокат)',
      members: [{ personId: own.id, relationship: 'head' }],
    });
    expect(renamed.statusCode).toBe(200);
    const all = await send(supervisor, 'GET', `/api/households/${id}`);
    expect(all.json().name).toBe('Осмоновы (Ноокат)');
    expect(all.json().members).toHaveLength(2);
    expect(await householdOf(supervisor, relative.id)).toBe(id);

    // Nor may the field worker take in a person who is not theirs.
    const taken = await send(field, 'PUT', `/api/households/${id}`, {
      version: renamed.json().version,
      name: 'Осмоновы',
      members: [
        { personId: own.id, relationship: 'head' },
        { personId: (await registerPerson(t, supervisor)).id, relationship: 'child' },
      ],
    });
    expect(taken.statusCode).toBe(404);
  });
});
