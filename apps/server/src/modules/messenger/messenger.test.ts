import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection.ts';
import { readSealedChunks } from '../../platform/sealed-files.repo.ts';
import { registerPerson } from '../../test/casework-fixtures.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const upload = (content: Buffer | string, filename = 'chat.txt') => ({
  filename,
  contentBase64: Buffer.from(content).toString('base64'),
});

describe('district messenger groups', () => {
  let t: TestApp;
  let lawyer: Session;
  let lawyerId: string;
  const send = (method: 'POST' | 'GET' | 'PATCH', url: string, payload?: object, locale = 'en') =>
    t.app.inject({ method, url, headers: { ...lawyer.headers, 'accept-language': locale }, payload });
  const newGroup = async (platform: 'whatsapp' | 'telegram', extra: object = {}) => {
    const res = await send('POST', '/api/messenger/groups', {
      name: `Kara-Suu ${platform} ${Math.random()}`,
      platform,
      districtId: 'KG-O-KARASUU',
      ...extra,
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; version: number };
  };
  const inbox = async (groupId: string, query = '') =>
    (await send('GET', `/api/messenger/messages?groupId=${groupId}&limit=200${query}`)).json();

  beforeAll(async () => {
    t = await createTestApp();
    const org = await t.factory.org();
    const office = await t.factory.office(org.id, 'Osh');
    const l = await t.factory.user(org.id, 'lawyer', { officeId: office.id });
    lawyerId = l.id;
    lawyer = await t.login(l.email);
  });
  afterAll(() => t.close());

  it('imports a WhatsApp export twice, or an overlapping one, without adding anything twice', async () => {
    const group = await newGroup('whatsapp');
    const full = fixture('whatsapp-android-ru.txt').toString();
    const firstPart = full.split('\n').slice(0, 9).join('\n');
    const first = await send('POST', `/api/messenger/groups/${group.id}/imports`, upload(firstPart));
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      format: 'whatsapp',
      total: 8,
      added: 8,
      alreadyThere: 0,
      newAuthors: 3,
    });
    const overlapping = await send('POST', `/api/messenger/groups/${group.id}/imports`, upload(full));
    expect(overlapping.json()).toMatchObject({ total: 13, added: 5, alreadyThere: 8, newAuthors: 1 });
    const before = await inbox(group.id);
    const again = await send('POST', `/api/messenger/groups/${group.id}/imports`, upload(full));
    expect(again.json()).toMatchObject({ added: 0, alreadyThere: 13, newAuthors: 0 });
    const after = await inbox(group.id);
    expect(after.total).toBe(13);
    expect(after.items.map((m: { id: string }) => m.id)).toEqual(
      before.items.map((m: { id: string }) => m.id),
    );
    // The two "?" sent in one minute are two messages, not one.
    expect(after.items.filter((m: { text: string }) => m.text === '?')).toHaveLength(2);
    // Bishkek is UTC+6: 10:17 on the phone is 04:17 UTC.
    expect(after.items.at(-4).sentAt).toBe('2026-03-14T04:17:00.000Z');
  });

  it('stores the text without names and numbers, sealed, and shows the public by number only', async () => {
    const group = await newGroup('whatsapp');
    await send(
      'POST',
      `/api/messenger/groups/${group.id}/imports`,
      upload(fixture('whatsapp-android-ru.txt')),
    );
    const { items } = await inbox(group.id, '&fromPublic=true');
    const detained = items.find((m: { text: string }) => m.text.includes('задержали'));
    expect(detained).toMatchObject({
      text: 'Меня зовут […], мужа задержали на границе в Достуке вчера вечером. Позвоните пожалуйста [☎]',
      authorName: null,
      authorRole: 'public',
      looksLikeQuestion: false,
      originalKept: true,
      status: 'new',
    });
    const question = items.find((m: { text: string }) => m.text.includes('свидетельства'));
    expect(question.looksLikeQuestion).toBe(true);
    const [raw] = await queryRows<{ text_enc: string; original_enc: string }>(
      t.db,
      sql`select text_enc, original_enc from messenger_messages where id = ${detained.id}`,
    );
    expect(JSON.stringify(raw)).not.toMatch(/задержали|Гулнара|0555/);
    const authors = await queryRows<{ name_enc: string }>(
      t.db,
      sql`select name_enc from messenger_authors where group_id = ${group.id}`,
    );
    expect(JSON.stringify(authors)).not.toMatch(/Нургуль|996/);

    const original = await send('POST', `/api/messenger/messages/${detained.id}/original`);
    expect(original.json()).toEqual({
      text: 'Меня зовут Гулнара Абдыкадырова, мужа задержали на границе в Достуке вчера вечером. Позвоните пожалуйста 0555 987 654',
      authorName: '+996 555 98 76 54',
    });
  });

  it('turns a message into an emergency request with the writer’s contact kept; the message drops its original', async () => {
    const group = await newGroup('whatsapp');
    await send(
      'POST',
      `/api/messenger/groups/${group.id}/imports`,
      upload(fixture('whatsapp-android-ru.txt')),
    );
    const detained = (await inbox(group.id)).items.find((m: { text: string }) =>
      m.text.includes('задержали'),
    );
    const made = await send('POST', `/api/messenger/messages/${detained.id}/intake`, {
      version: detained.version,
      problems: ['border_crossing'],
      inDetention: true,
      keepContact: true,
      language: 'ru',
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({
      channel: 'messenger',
      priority: 'emergency',
      districtId: 'KG-O-KARASUU',
      contactPhone: '+996 555 98 76 54',
      anonymous: false,
      summary: expect.stringContaining('Гулнара Абдыкадырова'),
    });
    const after = (await inbox(group.id)).items.find((m: { id: string }) => m.id === detained.id);
    expect(after).toMatchObject({ status: 'converted', intakeId: made.json().id, originalKept: false });
    const twice = await send('POST', `/api/messenger/messages/${detained.id}/intake`, {
      version: after.version,
      problems: ['border_crossing'],
    });
    expect(twice.statusCode).toBe(409);

    // Without keeping the contact, the request carries the words with names and numbers out.
    const question = (await inbox(group.id)).items.find((m: { text: string }) =>
      m.text.includes('свидетельства'),
    );
    const anonymous = await send('POST', `/api/messenger/messages/${question.id}/intake`, {
      version: question.version,
      problems: ['civil_documentation_birth_registration'],
    });
    expect(anonymous.json()).toMatchObject({ anonymous: true, contactName: null, contactPhone: null });
  });

  it('marks a question, sets one aside (dropping its original), and says 409 to a stale mark', async () => {
    const group = await newGroup('telegram');
    const res = await send(
      'POST',
      `/api/messenger/groups/${group.id}/imports`,
      upload(fixture('telegram-ky.json'), 'result.json'),
    );
    expect(res.json()).toMatchObject({ format: 'telegram', total: 5, added: 5 });
    const { items } = await inbox(group.id);
    const reply = items.find((m: { text: string }) => m.text.includes('номерине'));
    expect(reply.text).toBe('[…], [☎] номерине чалыңыз, же […] жазыңыз.');
    const marked = await send('POST', `/api/messenger/messages/${reply.id}/mark`, {
      version: 1,
      status: 'question',
    });
    expect(marked.json()).toMatchObject({ status: 'question', version: 2 });
    const stale = await send('POST', `/api/messenger/messages/${reply.id}/mark`, {
      version: 1,
      status: 'dismissed',
    });
    expect(stale.statusCode).toBe(409);
    const dismissed = await send('POST', `/api/messenger/messages/${reply.id}/mark`, {
      version: 2,
      status: 'dismissed',
    });
    expect(dismissed.json()).toMatchObject({ status: 'dismissed', originalKept: false });
    const again = await send(
      'POST',
      `/api/messenger/groups/${group.id}/imports`,
      upload(fixture('telegram-ky.json')),
    );
    expect(again.json()).toMatchObject({ added: 0, alreadyThere: 5 });
  });

  it('counts advice given by the organisation’s people and mentoring with the group’s members', async () => {
    const group = await newGroup('whatsapp');
    await send(
      'POST',
      `/api/messenger/groups/${group.id}/imports`,
      upload(fixture('whatsapp-android-ru.txt')),
    );
    const authors = (await send('GET', `/api/messenger/groups/${group.id}/authors`)).json().items;
    expect(authors.map((a: { name: string; messages: number }) => [a.name, a.messages])).toEqual([
      ['+996 770 12 34 56', 1],
      ['Нургуль Ташиева (юрист)', 4],
      ['Азамат Жолдошев (айыл окмоту)', 2],
      ['+996 555 98 76 54', 3],
    ]);
    const [, ours, member] = authors;
    const stranger = await t.factory.user((await t.factory.org()).id, 'lawyer');
    const refused = await send('PATCH', `/api/messenger/groups/${group.id}/authors/${ours.id}`, {
      version: 1,
      role: 'ours',
      userId: stranger.id,
    });
    expect(refused.statusCode).toBe(400);
    const linked = await send('PATCH', `/api/messenger/groups/${group.id}/authors/${ours.id}`, {
      version: 1,
      role: 'ours',
      userId: lawyerId,
    });
    expect(linked.json()).toMatchObject({ role: 'ours', userId: lawyerId, version: 2 });
    await send('PATCH', `/api/messenger/groups/${group.id}/authors/${member.id}`, {
      version: 1,
      role: 'member',
    });
    // What waits for a look is what the public wrote: four messages once the others are known.
    const listed = (await send('GET', '/api/messenger/groups')).json().items;
    expect(listed.find((g: { id: string }) => g.id === group.id).waiting).toBe(4);
    const stats = (await send('GET', '/api/messenger/stats?year=2026')).json();
    const mine = stats.groups.find((g: { groupId: string }) => g.groupId === group.id);
    // Advice: 10:31 (after the public's 10:17) and 09:15 (after the public's "?"); mentoring: the
    // member's 11:48 after the lawyer, her 12:05 answer to him, and his thanks at 19:03.
    expect(mine).toMatchObject({ messages: 10, adviceGiven: 2, mentoring: 3 });
    expect(stats.total.messages).toBeGreaterThanOrEqual(10);
  });

  it('refuses a bad file with the line it could not read, in the reader’s language, and adds nothing', async () => {
    const group = await newGroup('whatsapp');
    const bad = '14.03.2026, 10:17 - A: one\n31.02.2026, 10:18 - A: two\n';
    const res = await send('POST', `/api/messenger/groups/${group.id}/imports`, upload(bad), 'ky');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0]).toMatchObject({
      path: 'contentBase64',
      code: 'chat_unreadable',
      message: expect.stringContaining('2-сап'),
    });
    expect((await inbox(group.id)).total).toBe(0);
    const [authors] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from messenger_authors where group_id = ${group.id}`,
    );
    expect(authors!.n).toBe(0);
    const unknownDistrict = await send('POST', '/api/messenger/groups', {
      name: 'Nowhere',
      platform: 'whatsapp',
      districtId: 'XX-NOWHERE',
    });
    expect(unknownDistrict.json().error.details.issues[0].path).toBe('districtId');
  });

  it('records a question answered in the group as a consultation: on the person’s open case, or on a case opened for them', async () => {
    const group = await newGroup('whatsapp');
    await send(
      'POST',
      `/api/messenger/groups/${group.id}/imports`,
      upload(fixture('whatsapp-android-ru.txt')),
    );
    const { items } = await inbox(group.id);
    const birth = items.find((m: { text: string }) => m.text.includes('свидетельства'));
    const person = await registerPerson(t, lawyer, { familyName: 'Бекова', givenName: 'Айжан' });
    const first = await send('POST', `/api/messenger/messages/${birth.id}/consultation`, {
      version: birth.version,
      personId: person.id,
      problems: ['civil_documentation_birth_registration'],
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: 'converted', originalKept: false });
    const caseId = first.json().caseId;
    const activity = (await send('GET', `/api/cases/${caseId}/activity`)).json();
    expect(JSON.stringify(activity)).toContain('messaging_group');
    // A second question from the same person goes on the same open case.
    const question = items.find((m: { text: string }) => m.text.includes('задержали'));
    const second = await send('POST', `/api/messenger/messages/${question.id}/consultation`, {
      version: question.version,
      personId: person.id,
      problems: ['border_crossing'],
      keepWords: true,
    });
    expect(second.json().caseId).toBe(caseId);
    const again = await send('POST', `/api/messenger/messages/${question.id}/consultation`, {
      version: second.json().version,
      personId: person.id,
      problems: ['border_crossing'],
    });
    expect(again.statusCode).toBe(409);
  });

  it('keeps the uploaded export only when the group chooses to, sealed on disk; by default it is read and dropped', async () => {
    const kept = await newGroup('whatsapp', { keepExports: true });
    const dropped = await newGroup('whatsapp');
    const chat = fixture('whatsapp-android-ru.txt');
    expect((await send('POST', `/api/messenger/groups/${kept.id}/imports`, upload(chat))).json().kept).toBe(
      true,
    );
    expect(
      (await send('POST', `/api/messenger/groups/${dropped.id}/imports`, upload(chat))).json().kept,
    ).toBe(false);
    const rows = await queryRows<{ group_id: string; file_id: string | null; org_id: string }>(
      t.db,
      sql`select group_id, file_id, org_id from messenger_imports where group_id in (${kept.id}, ${dropped.id})`,
    );
    const keptRow = rows.find((r) => r.group_id === kept.id)!;
    expect(rows.find((r) => r.group_id === dropped.id)!.file_id).toBeNull();
    const stored = (await readSealedChunks(t.db, keptRow.file_id!))!;
    expect(stored.length).toBeGreaterThan(chat.length);
    expect(stored.toString('utf8')).not.toContain('задержали');
  });
});
