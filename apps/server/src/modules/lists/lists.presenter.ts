import type { List, ListRow as ListEntry, MyFollowUp, PersonSummary } from '@komek/domain';
import type { Platform } from '../../platform/http.ts';
import type { ListEntryRow, ListRow } from './lists.repo.ts';

type ListRecord = ListEntry['record'];
const rowContext = (id: string) => `linkage_list_rows.record:${id}`;

/** A row's names and birth date are sealed at rest, bound to the row. */
export const sealRecord = (
  platform: Platform,
  id: string,
  record: Pick<ListRecord, 'firstName' | 'lastName'> & Partial<ListRecord>,
) => platform.cipher.encrypt(JSON.stringify(record), rowContext(id));

export const openRecord = (platform: Platform, row: ListEntryRow): ListRecord =>
  JSON.parse(platform.cipher.decrypt(row.recordEnc, rowContext(row.id))) as ListRecord;

const day = (value: unknown) => (value ? String(value).slice(0, 10) : null);

export const presentList = (l: ListRow): List => ({
  id: l.id,
  name: l.name,
  filename: l.filename,
  status: l.status,
  progress: l.progress,
  total: l.total,
  matched: l.matched,
  review: l.review,
  unmatched: l.unmatched,
  error: l.error,
  createdAt: l.createdAt.toISOString(),
});

/** A row as its reader sees it; `person` only when the reader may see the person it was compared to. */
export const presentEntry = (
  platform: Platform,
  row: ListEntryRow,
  person: PersonSummary | null = null,
): ListEntry => ({
  id: row.id,
  externalId: row.externalId,
  record: openRecord(platform, row),
  decision: row.decision,
  personId: row.personId,
  score: row.score,
  person,
  findings: row.findings,
  review:
    row.verdict && row.reviewedAt
      ? { verdict: row.verdict, reviewedBy: row.reviewedBy, reviewedAt: row.reviewedAt.toISOString() }
      : null,
  followUp: row.followUpAssignee
    ? {
        assignedTo: row.followUpAssignee,
        dueDate: day(row.followUpDue),
        doneAt: row.followUpDoneAt?.toISOString() ?? null,
      }
    : null,
});

export const presentFollowUp = (platform: Platform, row: ListEntryRow, listName: string): MyFollowUp => ({
  id: row.id,
  listId: row.listId,
  listName,
  externalId: row.externalId,
  record: openRecord(platform, row),
  dueDate: day(row.followUpDue),
  doneAt: row.followUpDoneAt?.toISOString() ?? null,
});
