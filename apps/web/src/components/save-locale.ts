import { authApi, type Locale } from '@komek/domain';
import { call } from '../app/api.ts';

/** Saves the interface language to the user's profile (loaded on use: the sign-in screen needs no contracts). */
export const saveLocale = (locale: Locale) =>
  call(authApi.updateMe, { body: { locale } }, { idempotencyKey: crypto.randomUUID() });
