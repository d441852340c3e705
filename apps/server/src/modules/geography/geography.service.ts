import type { GeoLevel } from '@komek/domain';
import type { Platform } from '../../platform/http.ts';
import { listAreas } from './geography.repo.ts';

/** Shared reference data, read by everyone who may read geography at all. */
export const areas = async (platform: Platform, query: { parentId?: string; level?: GeoLevel }) =>
  listAreas(platform.database.db, query);
