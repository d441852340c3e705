import type { SavedViewInput } from '@komek/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { savedViews } from '../../db/schema/index.ts';

export type SavedViewRow = typeof savedViews.$inferSelect;

export const listViews = (db: Db, userId: string, module: SavedViewInput['module']) =>
  db
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.userId, userId), eq(savedViews.module, module)))
    .orderBy(asc(savedViews.name));

export async function insertView(db: Db, values: SavedViewInput & { userId: string; orgId: string }) {
  const [row] = await db.insert(savedViews).values(values).returning();
  return row!;
}

export async function deleteView(db: Db, userId: string, id: string): Promise<SavedViewRow | undefined> {
  const [row] = await db
    .delete(savedViews)
    .where(and(eq(savedViews.id, id), eq(savedViews.userId, userId)))
    .returning();
  return row;
}
