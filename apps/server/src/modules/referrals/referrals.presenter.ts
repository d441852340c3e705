import type { Referral, SharedDetails } from '@komek/domain';
import type { FieldCipher } from '../../platform/crypto.ts';
import { openOptional } from '../../platform/crypto.ts';
import { isoDay } from '../../platform/dates.ts';
import type { ReferralRow, ReferralWithNames } from './referrals.repo.ts';

export const referralContext = (id: string, column: string) => `referrals.${column}:${id}`;
export const eventNoteContext = (referralId: string) => `referral_events.note:${referralId}`;

export function openShared(cipher: FieldCipher, row: ReferralRow): SharedDetails {
  return JSON.parse(cipher.decrypt(row.sharedEnc, referralContext(row.id, 'shared'))) as SharedDetails;
}

export const isOverdue = (row: ReferralRow, now = new Date()) =>
  row.status === 'sent' && row.respondBy.getTime() < now.getTime();

export function presentReferral(
  r: ReferralWithNames,
  cipher: FieldCipher,
  side: 'sender' | 'receiver',
  extra: Pick<Referral, 'events' | 'onward'> = {},
): Referral {
  const row = r.referral;
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    priority: row.priority,
    side,
    fromOrg: { id: row.fromOrgId, name: r.fromOrgName },
    toOrg: { id: row.toOrgId, name: r.toOrgName },
    service: { id: row.serviceId, name: r.serviceName, type: r.serviceType as Referral['service']['type'] },
    caseCode: row.caseCode,
    caseId: side === 'sender' ? row.caseId : null,
    need: cipher.decrypt(row.needEnc, referralContext(row.id, 'need')),
    contact: cipher.decrypt(row.contactEnc, referralContext(row.id, 'contact')),
    shared: openShared(cipher, row),
    sharedFields: row.sharedFields,
    consent: {
      kind: row.consentKind,
      scope: row.consentScope,
      givenAt: row.consentGivenAt ? isoDay(row.consentGivenAt) : null,
      overrideReason: openOptional(cipher, row.overrideReasonEnc, referralContext(row.id, 'override_reason')),
    },
    respondBy: row.respondBy.toISOString(),
    overdue: isOverdue(row),
    expectedDate: row.expectedDate ? isoDay(row.expectedDate) : null,
    outcome: row.outcome,
    parentId: row.parentId,
    sentAt: row.sentAt.toISOString(),
    respondedAt: row.respondedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    version: row.version,
    ...extra,
  };
}
