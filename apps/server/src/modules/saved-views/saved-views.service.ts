import type { SavedView, SavedViewInput } from '@komek/domain';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/http.ts';
import type { Actor } from '../../platform/policy.ts';
import * as repo from './saved-views.repo.ts';

export const presentView = (row: repo.SavedViewRow): SavedView => ({
  id: row.id,
  module: row.module,
  name: row.name,
  filters: row.filters,
  createdAt: row.createdAt.toISOString(),
});

export const listViews = async (platform: Platform, actor: Actor, module: SavedViewInput['module']) =>
  (await repo.listViews(platform.database.db, actor.userId, module)).map(presentView);

export const saveView = async (platform: Platform, actor: Actor, input: SavedViewInput) =>
  presentView(
    await repo.insertView(platform.database.db, { ...input, userId: actor.userId, orgId: actor.orgId }),
  );

/** Another user's view answers 404 like a missing one. */
export async function removeView(platform: Platform, actor: Actor, id: string) {
  const row = await repo.deleteView(platform.database.db, actor.userId, id);
  if (!row) throw new AppError('not_found');
  return presentView(row);
}
