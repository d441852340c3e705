import { type authApi, grantedScope, type Permission, type Session, type SessionUser } from '@komek/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, call, isOffline, setCsrfToken } from './api.ts';

/** The device store, loaded when first needed rather than with the sign-in screen. */
const device = () => import('../offline/device.ts');

/**
 * `authApi.me` by its address alone. The contracts carry their Zod schemas, which the first
 * screen need not download before it can ask who is signed in; a test holds the two together.
 */
export const meContract = { method: 'GET', path: '/auth/me' } as typeof authApi.me;

/** The session is the answer of `GET /auth/me`; a mutation that invalidates that contract refreshes it. */
export const SESSION_KEY = [meContract.path];

export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<Session | null> => {
      try {
        const session = await call(meContract, {});
        setCsrfToken(session.csrfToken);
        await (await device()).resume(session).catch(() => {});
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          await (await device()).sessionLost().catch(() => {});
          return null;
        }
        // Offline, the device's store signs the app in once it is opened with the password.
        if (isOffline(error)) {
          const { offlineSession, hasProfiles } = await device();
          const kept = offlineSession();
          if (kept) return kept;
          if (await hasProfiles()) throw new ApiError(0, 'device_locked', (error as ApiError).message);
        }
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

export function useSetSession() {
  const client = useQueryClient();
  return (session: Session | null) => {
    if (session) setCsrfToken(session.csrfToken);
    client.setQueryData(SESSION_KEY, session);
  };
}

/** Mirrors the server's policy only to hide what the user could not use; the server still decides. */
export function can(user: SessionUser | undefined, permission: Permission): boolean {
  return !!user && grantedScope(user.role, user.platformAdmin, permission) !== null;
}
