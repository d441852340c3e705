import {
  zLoginInput,
  zMeUpdate,
  zOk,
  zPasswordChangeInput,
  zSession,
  zSessionsEnded,
  zTotpConfirmInput,
  zTotpSetup,
  zTotpSetupInput,
} from '../auth.schema.ts';
import { contract } from '../contract.ts';

const tags = ['auth'];
const signedIn = { authenticated: true } as const;
/** Also while a required second factor is not yet set up, so that it can be. */
const evenBeforeTotp = { authenticated: true, allowMfaPending: true } as const;

export const authApi = {
  /** A failed sign-in must still count towards the lockout, so its writes are not rolled back. */
  login: contract({
    method: 'POST',
    path: '/auth/login',
    tags,
    access: { public: true },
    body: zLoginInput,
    response: zSession,
    unitOfWork: false,
  }),
  logout: contract({
    method: 'POST',
    path: '/auth/logout',
    tags,
    access: evenBeforeTotp,
    response: zOk,
    audit: 'auth.logout',
  }),
  logoutEverywhere: contract({
    method: 'POST',
    path: '/auth/logout-everywhere',
    tags,
    access: evenBeforeTotp,
    response: zSessionsEnded,
    audit: 'auth.logout_everywhere',
  }),
  me: contract({ method: 'GET', path: '/auth/me', tags, access: evenBeforeTotp, response: zSession }),
  updateMe: contract({
    method: 'PATCH',
    path: '/auth/me',
    tags,
    access: evenBeforeTotp,
    body: zMeUpdate,
    response: zSession,
  }),
  changePassword: contract({
    method: 'POST',
    path: '/auth/password',
    tags,
    access: signedIn,
    body: zPasswordChangeInput,
    response: zOk,
    audit: 'auth.password_changed',
  }),
  startTotp: contract({
    method: 'POST',
    path: '/auth/totp/setup',
    tags,
    access: evenBeforeTotp,
    body: zTotpSetupInput,
    response: zTotpSetup,
    audit: 'auth.totp_enrolment_started',
  }),
  confirmTotp: contract({
    method: 'POST',
    path: '/auth/totp/confirm',
    tags,
    access: evenBeforeTotp,
    body: zTotpConfirmInput,
    response: zOk,
    audit: 'auth.totp_enabled',
  }),
  disableTotp: contract({
    method: 'POST',
    path: '/auth/totp/disable',
    tags,
    access: signedIn,
    body: zTotpConfirmInput,
    response: zOk,
    audit: 'auth.totp_disabled',
  }),
};
