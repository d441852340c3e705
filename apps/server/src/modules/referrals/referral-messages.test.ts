import { describe, expect, it } from 'vitest';
import { referralSuite } from '../../test/referral-world.ts';

describe('referrals: the message thread between the two sides', () => {
  const suite = referralSuite();
  const write = (who: 'lawyer' | 'focal' | 'mrcFocal', id: string, body: string) =>
    suite.w.inject(suite.w[who], 'POST', `/referrals/${id}/messages`, { body });

  it('carries messages both ways, tells the other side, and keeps them in the history of each', async () => {
    const { referral: r } = await suite.w.referral({ share: ['name', 'problems'] });
    const asked = await write('focal', r.id, 'Can he come on Thursday at 10:00?');
    expect(asked.statusCode, asked.body).toBe(200);
    const answered = await write('lawyer', r.id, 'Yes — Ташиев will bring the Soviet passport.');
    expect(answered.statusCode, answered.body).toBe(200);
    for (const reader of [suite.w.lawyer, suite.w.focal]) {
      const events = (await suite.w.inject(reader, 'GET', `/referrals/${r.id}`)).json().events;
      expect(
        events.filter((e: { kind: string }) => e.kind === 'message').map((e: { note: string }) => e.note),
      ).toEqual(['Can he come on Thursday at 10:00?', 'Yes — Ташиев will bring the Soviet passport.']);
    }
    const inbox = (await suite.w.inject(suite.w.focal, 'GET', '/notifications')).json().items;
    expect(inbox.some((n: { title: string }) => n.title.includes('New message on referral'))).toBe(true);
    // An organisation the referral did not go to reads nothing and writes nothing.
    expect((await write('mrcFocal', r.id, 'Hello')).statusCode).toBe(404);
  });

  it('refuses a message from the sender that passes on what the referral does not share', async () => {
    // Only the problems are shared: not the name, nor the phone number of the person.
    const { referral: r } = await suite.w.referral({ share: ['problems'] });
    const named = await write('lawyer', r.id, 'Tashiev will call you from +996 555 123 456');
    expect(named.statusCode).toBe(400);
    expect(
      named.json().error.details.issues.map((i: { path: string; code: string }) => [i.path, i.code]),
    ).toEqual([
      ['body', 'message_has_name'],
      ['body', 'message_has_phone'],
    ]);
    expect(named.json().error.details.issues[0].message).toBe(
      'This message names the person, and the referral does not share their name. Write it without the name.',
    );
    const events = (await suite.w.inject(suite.w.focal, 'GET', `/referrals/${r.id}`)).json().events;
    expect(events.map((e: { kind: string }) => e.kind)).toEqual(['sent']);
    expect((await write('lawyer', r.id, 'He will call you on Monday.')).statusCode).toBe(200);
    expect((await write('lawyer', r.id, ' ')).statusCode).toBe(400);
    expect((await write('lawyer', r.id, 'x'.repeat(2001))).statusCode).toBe(400);
  });

  it('closes the thread of a withdrawn referral', async () => {
    const { referral: r } = await suite.w.referral();
    const revoked = await suite.w.inject(suite.w.lawyer, 'POST', `/referrals/${r.id}/revoke`, {
      version: 1,
      to: 'revoked',
      reason: 'Sent to the wrong service',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await write('focal', r.id, 'Why?')).statusCode).toBe(409);
  });
});
