import { sql } from 'drizzle-orm';
import type { Tx } from './connection.ts';
import type { YearlyCounter } from './schema/columns.ts';

/** The next number of the organisation's year, without gaps from concurrent writers: one row upserted in the transaction. */
export async function nextInYear(
  tx: Tx,
  counter: YearlyCounter,
  orgId: string,
  year: number,
): Promise<number> {
  const [row] = await tx
    .insert(counter)
    .values({ orgId, year, next: 1 })
    .onConflictDoUpdate({ target: [counter.orgId, counter.year], set: { next: sql`${counter.next} + 1` } })
    .returning({ next: counter.next });
  return row!.next;
}
