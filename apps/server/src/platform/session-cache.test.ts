import { describe, expect, it } from 'vitest';
import { SessionCache } from './session-cache.ts';

const session = (userId: string) => ({ actor: { userId } });

describe('session cache', () => {
  it('keeps a session for its time and never past the moment it lapses', () => {
    const cache = new SessionCache<ReturnType<typeof session>>(3000);
    cache.set('a', session('u1'), Number.POSITIVE_INFINITY, 1000);
    expect(cache.get('a', 3999)).toEqual(session('u1'));
    expect(cache.get('a', 4000)).toBeUndefined();
    cache.set('b', session('u1'), 1500, 1000);
    expect(cache.get('b', 1600)).toBeUndefined();
  });

  it('forgets one session, or every session of a user, at once', () => {
    const cache = new SessionCache<ReturnType<typeof session>>(60_000);
    cache.set('a', session('u1'));
    cache.set('b', session('u1'));
    cache.set('c', session('u2'));
    cache.forget('c');
    expect(cache.get('c')).toBeUndefined();
    cache.forgetUser('u1');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeUndefined();
  });

  it('holds no more than its bound', () => {
    const cache = new SessionCache<ReturnType<typeof session>>(60_000, 2);
    for (const k of ['a', 'b', 'c']) cache.set(k, session(k));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')).toEqual(session('c'));
  });
});
