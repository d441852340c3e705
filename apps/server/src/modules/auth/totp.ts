import { authenticator } from 'otplib';

// One step either side absorbs phone clocks that drift by up to 30 seconds.
authenticator.options = { window: 1 };
const STEP_SECONDS = 30;

export const newTotpSecret = () => authenticator.generateSecret();
export const totpUrl = (email: string, secret: string) => authenticator.keyuri(email, 'Komek', secret);
export const currentTotp = (secret: string) => authenticator.generate(secret);

/**
 * The time step a code belongs to, or null when it is wrong. A code is accepted only for a step
 * after the last one accepted, so a code seen over someone's shoulder cannot be used again.
 */
export function acceptedTotpStep(
  code: string,
  secret: string,
  lastStep: number | null,
  now = Date.now(),
): number | null {
  const delta = authenticator.checkDelta(code, secret);
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / STEP_SECONDS) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** The code of a step before or after the current one (tests of the replay rule). */
export const totpAtStep = (secret: string, stepsFromNow: number) =>
  authenticator.clone({ epoch: Date.now() + stepsFromNow * STEP_SECONDS * 1000 }).generate(secret);
