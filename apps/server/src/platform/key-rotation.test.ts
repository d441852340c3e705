import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/connection.ts';
import { referralEvents } from '../db/schema/index.ts';
import { seedDemo } from '../seed/demo.seed.ts';
import { attachToCase, openCase, registerPerson } from '../test/casework-fixtures.ts';
import { createTestApp, type Session, type TestApp } from '../test/harness.ts';
import { FieldCipher } from './crypto.ts';
import { rotateKeys, sealedColumns } from './key-rotation.ts';

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(5000)]);

/** Every text value of every table still sealed under `keyId`, by table and column. */
async function stillUnder(t: TestApp, keyId: string): Promise<Record<string, number>> {
  const columns = await queryRows<{ t: string; c: string }>(
    t.db,
    sql`select table_name as t, column_name as c from information_schema.columns
        where table_schema = 'public' and data_type = 'text'`,
  );
  const left: Record<string, number> = {};
  for (const { t: table, c } of columns) {
    const [row] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(c)} like ${`enc1:${keyId}:%`}`,
    );
    if (row!.n > 0) left[`${table}.${c}`] = row!.n;
  }
  return left;
}

describe('key rotation: every sealed field and file resealed under the newest key', () => {
  let t: TestApp;
  let person: { id: string };
  let attachment: { id: string; caseId: string };
  let session: Session;
  beforeAll(async () => {
    t = await createTestApp();
    t.platform.cipher = new FieldCipher([k1]);
    // The demo's organisations, people, cases, referrals, requests, screenings, border records…
    await seedDemo(t.platform, { people: 40 });
    session = (await t.signedIn('lawyer')).session;
    person = await registerPerson(t, session, { phone: '+996 555 123 456', address: 'Osh, Lenin 1' });
    const c = await openCase(t, session, [person.id]);
    attachment = { id: await attachToCase(t, session, c.id, PDF), caseId: c.id };
    // And places the demo leaves empty: a case note, an incident, a second factor being set up.
    const more = [
      { url: `/api/cases/${c.id}/notes`, payload: { body: 'Met at the border post' } },
      {
        url: '/api/incidents',
        payload: {
          occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
          segment: 'KG-TJ',
          type: 'water_dispute',
          districtId: 'KG-B-KADAMJAY',
          affected: { women: 1, men: 1, girls: 0, boys: 0, injured: 0, killed: 0, detained: 0, displaced: 0 },
          sources: [{ kind: 'community', reliability: 'probable', note: 'Ayil okmotu' }],
          description: 'Dispute at the canal intake',
        },
      },
      { url: '/api/auth/totp/setup', payload: {} },
    ];
    for (const { url, payload } of more) {
      const res = await t.app.inject({ method: 'POST', url, headers: session.headers, payload });
      expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
    }
    // A thread of messages on one referral: their notes are all bound to the referral's id.
    const [referral] = await queryRows<{ id: string; org_id: string }>(
      t.db,
      sql`select id, from_org_id as org_id from referrals limit 1`,
    );
    await t.db.insert(referralEvents).values(
      Array.from({ length: 5 }, (_, k) => ({
        referralId: referral!.id,
        orgId: referral!.org_id,
        kind: 'message',
        noteEnc: t.platform.cipher.encrypt(`Message ${k}`, `referral_events.note:${referral!.id}`),
      })),
    );
  }, 120_000);
  afterAll(() => t.close());

  it('finds the sealed columns by the schema, with their contexts', async () => {
    const places = (await sealedColumns(t.db)).map((c) => `${c.table}.${c.column}`);
    expect(places).toEqual(
      expect.arrayContaining([
        'persons.phone_enc',
        'referral_events.note_enc',
        'screenings.answers_enc',
        'users.totp_secret',
        'intake_items.outcome_note',
      ]),
    );
    expect(places).not.toContain('persons.given_name');
  });

  it('reseals everything, resumes after being stopped half way, and the app reads it all with the new key', async () => {
    const before = await stillUnder(t, 'k1');
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining([
        'case_notes.body_enc',
        'border_incidents.description_enc',
        'users.totp_pending_secret',
        'referral_events.note_enc',
      ]),
    );
    const rotating = new FieldCipher([k1, k2]);

    // Stopped after its first batch (a crash, Ctrl-C): what was done stays done.
    const stop = new Error('stopped');
    await expect(
      rotateKeys(t.platform.database, rotating, () => {
        throw stop;
      }),
    ).rejects.toBe(stop);
    const halfway = await stillUnder(t, 'k1');
    const count = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);
    expect(count(halfway)).toBeLessThan(count(before));

    const progress: string[] = [];
    // Small batches: a referral's events share the id their notes are bound to, and a batch may end
    // among them.
    const result = await rotateKeys(
      t.platform.database,
      rotating,
      (p) => progress.push(`${p.place} ${p.done}/${p.total}`),
      undefined,
      2,
    );
    expect(result).toMatchObject({ unopened: {}, onDisk: 0 });
    expect(result.resealed).toBe(count(halfway) + 1);
    expect(progress).toContain('case_attachments 1/1');
    expect(await stillUnder(t, 'k1')).toEqual({});
    // Again: nothing left to do.
    expect((await rotateKeys(t.platform.database, rotating)).resealed).toBe(0);

    // The app with the new key reads it all (the old one stays listed: it keys the lookup hashes).
    t.platform.cipher = rotating;
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/persons/${person.id}`,
      headers: session.headers,
    });
    expect(read.json()).toMatchObject({ phone: '+996 555 123 456', address: 'Osh, Lenin 1' });
    const file = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${attachment.caseId}/attachments/${attachment.id}`,
      headers: session.headers,
    });
    expect(file.rawPayload.equals(PDF)).toBe(true);
    // Without the old key every resealed value still opens: no value needs k1 any more.
    const [anyPhone] = await queryRows<{ id: string; phone_enc: string }>(
      t.db,
      sql`select id, phone_enc from persons where phone_enc is not null limit 1`,
    );
    expect(new FieldCipher([k2]).decrypt(anyPhone!.phone_enc, `persons.phone:${anyPhone!.id}`)).toBeTruthy();
  }, 120_000);

  it('leaves a value that opens with no key held as it is, and says where', async () => {
    const third = new FieldCipher([k1, k2, { id: 'k3', key: randomBytes(32) }]);
    const [victim] = await queryRows<{ id: string; address_enc: string }>(
      t.db,
      sql`select id, address_enc from persons where address_enc is not null limit 1`,
    );
    // Sealed by a key this installation does not hold (another installation's, say).
    const foreign = new FieldCipher([{ id: 'k2', key: randomBytes(32) }]).encrypt(
      'x',
      `persons.address:${victim!.id}`,
    );
    await t.db.execute(sql`update persons set address_enc = ${foreign} where id = ${victim!.id}`);
    const result = await rotateKeys(t.platform.database, third);
    expect(result.unopened).toEqual({ 'persons.address_enc': 1 });
    const [after] = await queryRows<{ address_enc: string }>(
      t.db,
      sql`select address_enc from persons where id = ${victim!.id}`,
    );
    expect(after!.address_enc).toBe(foreign);
  }, 120_000);
});
