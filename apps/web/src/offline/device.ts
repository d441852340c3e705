import type { Session } from '@komek/domain';
import { deviceDb } from './db.ts';
import { deviceState, set, touch } from './state.ts';

export { type DeviceState, deviceState, openKey, subscribeDevice } from './state.ts';

import {
  emailTag,
  newDataKey,
  open,
  PBKDF2_ITERATIONS,
  passwordKey,
  randomBytes,
  seal,
  sessionKey,
  unwrap,
  wrap,
} from './vault.ts';

const sessionContext = (userId: string) => `session:${userId}`;
type Kept = Pick<Session, 'user' | 'idleMinutes'>;

async function keep(key: CryptoKey, session: Session) {
  const kept: Kept = { user: session.user, idleMinutes: session.idleMinutes };
  return seal(key, kept, sessionContext(session.user.id));
}

async function sealFor(session: Session, password: string, key: CryptoKey, salt = randomBytes(16)) {
  const userId = session.user.id;
  const profile = await deviceDb.profiles.get(userId);
  await deviceDb.profiles.put({
    userId,
    emailTag: await emailTag(session.user.email),
    salt,
    iterations: PBKDF2_ITERATIONS,
    byPassword: await wrap(key, await passwordKey(password, salt, PBKDF2_ITERATIONS)),
    bySession: await wrap(key, await sessionKey(session.csrfToken, userId)),
    session: await keep(key, session),
    lastSyncAt: profile?.lastSyncAt ?? null,
    syncCursor: profile?.syncCursor ?? null,
  });
}

let pendingPassword: string | null = null;

/** After a sign-in with the password: open this user's store, or make one. */
export async function afterSignIn(session: Session, password: string): Promise<void> {
  const userId = session.user.id;
  const profile = await deviceDb.profiles.get(userId);
  let key = profile
    ? await unwrap(profile.byPassword, await passwordKey(password, profile.salt, profile.iterations))
    : null;
  if (profile && !key) {
    // Sealed under a password changed elsewhere: waiting changes are kept for the old one.
    if ((await deviceDb.outbox.countOf(userId)) > 0) {
      pendingPassword = password;
      set({ kind: 'stale', userId, session });
      return;
    }
    await wipeUser(userId);
  }
  key ??= await newDataKey();
  await sealFor(session, password, key);
  touch();
  set({ kind: 'open', userId, key, session, offline: false });
}

/** The previous password, to open changes that wait under it; they are sealed again under the new one. */
export async function openWithPreviousPassword(previous: string): Promise<boolean> {
  const state = deviceState();
  if (state.kind !== 'stale' || pendingPassword === null) return false;
  const profile = await deviceDb.profiles.get(state.userId);
  if (!profile) return false;
  const key = await unwrap(profile.byPassword, await passwordKey(previous, profile.salt, profile.iterations));
  if (!key) return false;
  const { session } = state;
  await sealFor(session, pendingPassword, key);
  pendingPassword = null;
  touch();
  set({ kind: 'open', userId: session.user.id, key, session, offline: false });
  return true;
}

/** A reload while signed in: the session's own secret opens the store without asking again. */
export async function resume(session: Session): Promise<void> {
  const userId = session.user.id;
  const state = deviceState();
  if (state.kind === 'open' && state.userId === userId) {
    if (state.offline) set({ ...state, session, offline: false });
    return;
  }
  if (state.kind === 'stale' && state.userId === userId) return;
  const profile = await deviceDb.profiles.get(userId);
  const key = profile?.bySession
    ? await unwrap(profile.bySession, await sessionKey(session.csrfToken, userId))
    : null;
  if (!key) return set({ kind: 'locked', userId });
  touch();
  set({ kind: 'open', userId, key, session, offline: false });
}

/**
 * Offline, without a session: the password opens the store and the user as last seen signs the
 * app in. Null when no store here opens with that address and password.
 */
export async function unlockOffline(email: string, password: string): Promise<Session | null> {
  const profile = await deviceDb.profiles.byEmailTag(await emailTag(email));
  if (!profile) return null;
  const key = await unwrap(profile.byPassword, await passwordKey(password, profile.salt, profile.iterations));
  if (!key) return null;
  const kept = await open<Kept>(key, profile.session, sessionContext(profile.userId));
  const session: Session = { ...kept, csrfToken: '' };
  touch();
  set({ kind: 'open', userId: profile.userId, key, session, offline: true });
  return session;
}

/** The session as the device remembers it, when the server cannot be reached; null when locked. */
export function offlineSession(): Session | null {
  const state = deviceState();
  if (state.kind !== 'open') return null;
  if (!state.offline) set({ ...state, offline: true });
  return state.session;
}

/** Whether any store here can be opened offline (the unlock screen is worth showing). */
export const hasProfiles = async () => (await deviceDb.profiles.count()) > 0;

/**
 * The server says there is no session (it ended, was ended everywhere, or the user was
 * deactivated). What was downloaded goes; changes not yet sent stay sealed under their author's
 * password until that author signs in again.
 */
export async function sessionLost(): Promise<void> {
  await deviceDb.answers.clear();
  await deviceDb.profiles.forgetSessions();
  set({ kind: 'none' });
}

/** Signing out on purpose: nothing of this user stays on the device. */
export async function wipeUser(userId: string): Promise<void> {
  await deviceDb.wipe(userId);
  const state = deviceState();
  if ('userId' in state && state.userId === userId) set({ kind: 'none' });
}
