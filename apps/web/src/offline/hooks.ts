import { useSyncExternalStore } from 'react';
import { deviceState, subscribeDevice } from './state.ts';

export const useDevice = () => useSyncExternalStore(subscribeDevice, deviceState);

/** Whether the browser says there is a network (a hint: a request may still fail). */
export function useOnline(): boolean {
  return useSyncExternalStore(
    (listener) => {
      window.addEventListener('online', listener);
      window.addEventListener('offline', listener);
      return () => {
        window.removeEventListener('online', listener);
        window.removeEventListener('offline', listener);
      };
    },
    () => navigator.onLine,
  );
}
