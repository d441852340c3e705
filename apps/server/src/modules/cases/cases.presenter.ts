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
    status: row.status,
    priority: row.priority,
    problems: row.problems,
    summary: openOptional(cipher, row.summaryEnc, caseContext(row.id, 'summary')),
    assignedTo: row.assignedTo,
    assignedName: related.assignedName,
    outcome: row.outcome,
    closeRequested: row.closeRequest as Case['closeRequested'],
    pendingAuthority: row.pendingAuthority,
    eligibility: row.eligibility,
    eligibilityOverrideReason: row.eligibilityOverrideReason,
    openedAt: row.openedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    persons: related.persons,
    populationType: row.populationType,
    districtId: row.districtId,
    restricted: row.restricted,
    overdueTasks: related.overdueTasks,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}
