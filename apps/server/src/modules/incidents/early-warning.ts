import type { WarningRule, zWarningRuleInput } from '@komek/domain';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { AppError, fieldIssue } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import { type Actor, assertCan, authorize } from '../../platform/policy.ts';
import { notify } from '../notifications/notifications.service.ts';
import * as repo from './incidents.repo.ts';

type RuleRow = Awaited<ReturnType<typeof repo.rulesOf>>[number];

export const presentRule = (row: RuleRow): WarningRule => ({
  id: row.id,
  segment: row.segment,
  type: row.type,
  casualties: row.casualties,
  minCount: row.minCount,
  withinDays: row.withinDays,
  recipients: row.recipients,
});

export function listRules(platform: Platform, actor: Actor) {
  authorize(actor, 'organisation.manage');
  return repo.rulesOf(platform.database.db, actor.orgId);
}

export async function addRule(platform: Platform, actor: Actor, input: z.output<typeof zWarningRuleInput>) {
  authorize(actor, 'organisation.manage');
  const active = await repo.activeUsersOf(platform.database.db, actor.orgId, input.recipients);
  if (active.length !== new Set(input.recipients).size)
    throw new AppError('validation_failed', {
      issues: [fieldIssue('recipients', 'recipient_not_colleague')],
    });
  return repo.insertRule(platform.database.db, {
    id: uuidv7(),
    orgId: actor.orgId,
    segment: input.segment ?? null,
    type: input.type ?? null,
    casualties: input.casualties,
    minCount: input.minCount,
    withinDays: input.withinDays,
    recipients: [...new Set(input.recipients)],
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
}

export async function removeRule(platform: Platform, actor: Actor, id: string) {
  const row = await repo.findRule(platform.database.db, id);
  assertCan(actor, 'organisation.manage', row && { orgId: row.orgId, officeId: null, ownerId: null });
  await repo.deleteRule(platform.database.db, id);
  return row!;
}

const DAY = 86_400_000;

/**
 * Tells the people each of the organisation's rules names, at once, when a new incident meets
 * it: any incident with someone injured or killed, or the rule's count of incidents on its
 * segment (and of its type) within its days, this one included. Disputed incidents do not count.
 */
export async function warnOf(platform: Platform, incident: repo.IncidentRow) {
  const { db } = platform.database;
  for (const rule of await repo.rulesOf(db, incident.orgId)) {
    if (rule.segment && rule.segment !== incident.segment) continue;
    if (rule.type && rule.type !== incident.type) continue;
    let met: boolean;
    if (rule.casualties) met = incident.casualties;
    else {
      const at = incident.occurredAt.getTime();
      const n = await repo.countMatching(
        db,
        incident.orgId,
        rule,
        new Date(at - rule.withinDays * DAY),
        new Date(at + 1),
      );
      met = n >= rule.minCount;
    }
    if (!met) continue;
    await notify(platform, {
      userIds: rule.recipients,
      kind: 'incident_warning',
      params: { reference: incident.reference, segment: incident.segment },
      link: `/incidents/${incident.id}`,
    });
  }
}
