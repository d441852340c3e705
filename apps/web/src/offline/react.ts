import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { SESSION_KEY } from '../app/session.ts';
import { useDevice } from './hooks.ts';
import { type OutboxItem, onDelivered, outboxItems, startOutbox, subscribeOutbox } from './outbox.ts';
import { deviceState, subscribeDevice, watchIdle } from './state.ts';
import { syncWorkingSet } from './sync.ts';

/** The waiting changes, kept current as they are written, sent or refused. */
export function useOutbox(): { items: OutboxItem[]; loaded: boolean } {
  const [items, setItems] = useState<OutboxItem[]>([]);
  const [loaded, setLoaded] = useState(false);
  const device = useDevice();
  // A store opened or locked shows another user's changes, or none: read again then.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the device state is the trigger
  useEffect(() => {
    let live = true;
    const load = () =>
      void outboxItems().then((next) => {
        if (!live) return;
        setItems(next);
        setLoaded(true);
      });
    load();
    const stop = subscribeOutbox(load);
    return () => {
      live = false;
      stop();
    };
  }, [device]);
  return { items, loaded };
}

/**
 * Runs the device's background work for the whole app: the outbox sends when it can, the store
 * locks after the idle time, and when the network comes back the session is asked for again (an
 * offline session becomes a real one, or the sign-in page if it ended meanwhile).
 */
export function OfflineRuntime() {
  const client = useQueryClient();
  useEffect(() => {
    const stopOutbox = startOutbox();
    const stopIdle = watchIdle();
    const back = () => void client.invalidateQueries({ queryKey: SESSION_KEY });
    window.addEventListener('online', back);
    const stopDelivered = onDelivered(() => void client.invalidateQueries());
    // The working set comes down whenever the store opens online, and again every quarter hour;
    // after the screen's own reads, which on a slow link it would otherwise queue behind.
    let waiting: number | undefined;
    const sync = (tries = 0) => {
      window.clearTimeout(waiting);
      const state = deviceState();
      if (state.kind !== 'open' || state.offline) return;
      if (client.isFetching() > 0 && tries < 30) {
        waiting = window.setTimeout(() => sync(tries + 1), 500);
        return;
      }
      void syncWorkingSet().catch(() => null);
    };
    const stopSync = subscribeDevice(() => sync());
    sync();
    const every = window.setInterval(() => sync(), 15 * 60_000);
    return () => {
      stopOutbox();
      stopIdle();
      stopDelivered();
      stopSync();
      window.clearTimeout(waiting);
      window.clearInterval(every);
      window.removeEventListener('online', back);
    };
  }, [client]);
  return null;
}
