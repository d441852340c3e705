export const ROLES = [
  'admin',
  'supervisor',
  'lawyer',
  'field_worker',
  'partner_focal_point',
  'me_officer',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_TYPES = [
  'ngo',
  'state_legal_aid',
  'migrant_resource_centre',
  'un_agency',
  'other',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** Ordered from narrowest to widest: a wider scope includes every narrower one. */
export const SCOPES = ['own', 'office', 'organisation', 'all'] as const;
export type Scope = (typeof SCOPES)[number];

export function scopeIncludes(granted: Scope, needed: Scope): boolean {
  return SCOPES.indexOf(granted) >= SCOPES.indexOf(needed);
}
