import { zBackupOverview, zBackupParams, zBackupRequested } from '../backups.schema.ts';
import { contract } from '../contract.ts';

const tags = ['backups'];
/** The whole installation's data, sealed: the platform operator's alone. */
const access = { permission: 'backup.manage' } as const;

export const backupsApi = {
  list: contract({ method: 'GET', path: '/backups', tags, access, response: zBackupOverview }),
  /** Takes a backup now, in the background; it appears in the list when written. */
  create: contract({
    method: 'POST',
    path: '/backups',
    tags,
    access,
    status: 202,
    response: zBackupRequested,
    audit: 'backup.requested',
  }),
  /** The sealed archive, to keep away from the machine; it opens only with the backup key. */
  file: contract({
    method: 'GET',
    path: '/backups/:name/file',
    tags,
    access,
    params: zBackupParams,
    audit: 'backup.downloaded',
  }),
};
