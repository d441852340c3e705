import type { Session } from '@komek/domain';

/**
 * Where this device's store stands for the person at the screen:
 * - `open`: signed in (or unlocked offline), the data key in memory;
 * - `locked`: a profile is here but its key is not in memory (after the idle time, or a reload
 *   offline) — the password opens it;
 * - `stale`: signed in with a password the store was not sealed under (it was changed on
 *   another device) while changes still wait in it — the previous password opens them;
 * - `none`: nobody's store is in use.
 */
export type DeviceState =
  | { kind: 'none' }
  | { kind: 'open'; userId: string; key: CryptoKey; session: Session; offline: boolean }
  | { kind: 'locked'; userId: string | null }
  | { kind: 'stale'; userId: string; session: Session };

let state: DeviceState = { kind: 'none' };
const listeners = new Set<() => void>();
let lastActivity = Date.now();

export function set(next: DeviceState) {
  state = next;
  for (const listener of listeners) listener();
}
export const deviceState = () => state;
export function subscribeDevice(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export const openKey = () => (state.kind === 'open' ? { userId: state.userId, key: state.key } : null);

/** Forget the key after the session's idle time; the password opens the store again. */
export function lock(): void {
  if (state.kind === 'open') set({ kind: 'locked', userId: state.userId });
}

export function touch(): void {
  lastActivity = Date.now();
}

/** Locks the store once nobody has touched the screen for the session's idle time. */
export function watchIdle(now = () => Date.now()): () => void {
  const events = ['pointerdown', 'keydown', 'touchstart'] as const;
  for (const e of events) window.addEventListener(e, touch, { passive: true });
  const timer = window.setInterval(() => {
    if (state.kind === 'open' && now() - lastActivity > state.session.idleMinutes * 60_000) lock();
  }, 15_000);
  return () => {
    window.clearInterval(timer);
    for (const e of events) window.removeEventListener(e, touch);
  };
}
