import type { Office, Organisation } from '@komek/domain';
import type { OfficeRow, OrganisationRow } from './organisations.repo.ts';

export const presentOrganisation = (row: OrganisationRow): Organisation => ({
  id: row.id,
  name: row.name,
  type: row.type,
  countryCode: row.countryCode,
  requireTotp: row.requireTotp,
  createdAt: row.createdAt.toISOString(),
  version: row.version,
});

export const presentOffice = (row: OfficeRow): Office => ({
  id: row.id,
  orgId: row.orgId,
  name: row.name,
  districtId: row.districtId,
  version: row.version,
});
