import type { Case, PersonSummary } from '@komek/domain';
import type { FieldCipher } from '../../platform/crypto.ts';
import { openOptional } from '../../platform/crypto.ts';
import type { CaseRow } from './cases.repo.ts';

export const caseContext = (id: string, column: string) => `cases.${column}:${id}`;

export function presentCase(
  row: CaseRow,
  cipher: FieldCipher,
  related: { persons: PersonSummary[]; assignedName: string | null; overdueTasks: number },
): Case {
  return {
    id: row.id,
    orgId: row.orgId,
    officeId: row.officeId,
    caseNumber: row.caseNumber,
    status: row.status as Case['status'],
    priority: row.priority as Case['priority'],
    problems: row.problems as Case['problems'],
    summary: openOptional(cipher, row.summaryEnc, caseContext(row.id, 'summary')),
    assignedTo: row.assignedTo,
    assignedName: related.assignedName,
    outcome: row.outcome as Case['outcome'],
    closeRequested: row.closeRequest as Case['closeRequested'],
    pendingAuthority: row.pendingAuthority,
    eligibility: row.eligibility,
    eligibilityOverrideReason: row.eligibilityOverrideReason,
    openedAt: row.openedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    persons: related.persons,
    populationType: row.populationType as Case['populationType'],
    districtId: row.districtId,
    overdueTasks: related.overdueTasks,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}
