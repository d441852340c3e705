import { grantedScope } from '@komek/domain';
import type { Platform } from '../../platform/http.ts';
import type { Actor } from '../../platform/policy.ts';

/**
 * Counts of 1 to 4 identify people in a small district. Whoever works the cases may see them
 * exact inside the organisation (and ask for them suppressed); for everyone else — a donor's
 * viewer — the figures have left the casework and are always suppressed.
 */
export function suppressionFor(platform: Platform, actor: Actor, asked: boolean): number | undefined {
  const worksCases = !!grantedScope(actor.role, actor.platformAdmin, 'case.read');
  return asked || !worksCases ? platform.config.suppressBelow : undefined;
}
