import type { Role, Scope } from './roles.ts';

export const PERMISSIONS = [
  'organisation.read',
  'organisation.manage',
  'user.read',
  'user.manage',
  'audit.read',
  'geography.read',
  'geography.manage',
  'token.manage',
  'intake.read',
  'intake.manage',
  'person.read',
  'person.manage',
  'case.read',
  'case.manage',
  'case.approve_close',
  'export.run',
  'person.merge',
  'service.read',
  'service.manage',
  'referral.read',
  'referral.send',
  'referral.respond',
  'procedure_template.manage',
  'results.read',
  'results.manage',
  'activity.record',
  'story.approve',
  'help.write',
  'help.publish',
  'incident.read',
  'incident.record',
  'incident.verify',
  'monitoring.read',
  'monitoring.record',
  'assistance.read',
  'assistance.record',
  'assistance.approve',
  'screening.record',
  'case.read_restricted',
  'export.restricted',
  'organisation.bootstrap',
  'backup.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

type Grants = Partial<Record<Permission, Scope>>;

/** Who works cases reads and edits people and cases at the same breadth. */
function casework(scope: Scope): Grants {
  return {
    'person.read': scope,
    'person.manage': scope,
    'case.read': scope,
    'case.manage': scope,
    'export.run': scope,
    'referral.read': scope,
    'referral.send': scope,
    // Whoever works cases holds sessions and visits in the villages and records them (offline too).
    'activity.record': scope,
    // Cash, in-kind help and grants go to the people whose cases one works, asked for by whoever works them.
    'assistance.read': scope,
    'assistance.record': scope,
    // Whoever meets migrants may screen them; what they find is read only by those named on the case.
    'screening.record': scope,
    // The intake queue is the organisation's front door: whoever works cases takes calls and
    // requests from it, lawyers on duty included, so an office lawyer sees the whole queue.
    'intake.read': scope === 'own' ? 'own' : 'organisation',
    'intake.manage': scope === 'own' ? 'own' : 'organisation',
  };
}

/**
 * The public help site's articles and notices: lawyers write them; a supervisor or an
 * administrator, not the writer, reviews and publishes what the public will read as the law.
 */
function helpSite(level: 'write' | 'publish'): Grants {
  return level === 'write'
    ? { 'help.write': 'organisation' }
    : { 'help.write': 'organisation', 'help.publish': 'organisation' };
}

/**
 * The border incidents log and the checkpoint monitoring hold counts and places, not people:
 * whoever works in the field or on cases reads and logs incidents and visits across the
 * organisation; a supervisor or an administrator verifies or disputes incidents; the M&E officer
 * reads both for the reports.
 */
function border(level: 'read' | 'record' | 'verify'): Grants {
  return {
    'incident.read': 'organisation',
    'monitoring.read': 'organisation',
    ...(level !== 'read'
      ? { 'incident.record': 'organisation' as const, 'monitoring.record': 'organisation' as const }
      : {}),
    ...(level === 'verify' ? { 'incident.verify': 'organisation' as const } : {}),
  };
}

const everyone: Grants = {
  'organisation.read': 'organisation',
  'user.read': 'own',
  'geography.read': 'all',
  // The service directory is how organisations find each other: everyone signed in reads all of it.
  'service.read': 'all',
};

/**
 * The one table of who may do what, and how widely. The server's policy module decides from it;
 * the web app reads it only to hide what a user could not use anyway.
 */
export const ROLE_GRANTS: Record<Role, Grants> = {
  admin: {
    ...everyone,
    'organisation.manage': 'organisation',
    'user.read': 'organisation',
    'user.manage': 'organisation',
    'audit.read': 'organisation',
    'token.manage': 'organisation',
    ...casework('organisation'),
    'case.approve_close': 'organisation',
    'assistance.approve': 'organisation',
    'person.merge': 'organisation',
    'service.manage': 'organisation',
    'referral.respond': 'organisation',
    // Organisation templates; the shared per-country ones belong to the platform operator.
    'procedure_template.manage': 'organisation',
    'results.read': 'organisation',
    'results.manage': 'organisation',
    'story.approve': 'organisation',
    ...helpSite('publish'),
    ...border('verify'),
  },
  supervisor: {
    ...everyone,
    'user.read': 'organisation',
    ...casework('organisation'),
    // Restricted records (screenings, trafficking cases) are read by those named on them and by
    // the supervisor, who oversees them; an administrator runs the system and is not among them.
    'case.read_restricted': 'organisation',
    'export.restricted': 'organisation',
    'case.approve_close': 'organisation',
    'assistance.approve': 'organisation',
    'person.merge': 'organisation',
    'referral.respond': 'organisation',
    'results.read': 'organisation',
    'story.approve': 'organisation',
    ...helpSite('publish'),
    ...border('verify'),
  },
  lawyer: {
    ...everyone,
    'user.read': 'office',
    ...casework('office'),
    // A lawyer of a receiving service takes on what is referred to the organisation.
    'referral.respond': 'organisation',
    ...helpSite('write'),
    ...border('record'),
  },
  field_worker: { ...everyone, ...casework('own'), 'export.run': undefined, ...border('record') },
  // Partners see only what is referred to them, never a case or a person; donors' viewers see no one.
  partner_focal_point: {
    ...everyone,
    'referral.read': 'organisation',
    'referral.respond': 'organisation',
    // Only onward: a partner has no cases of its own to refer from.
    'referral.send': 'organisation',
  },
  me_officer: {
    ...everyone,
    'user.read': 'organisation',
    'person.read': 'organisation',
    'case.read': 'organisation',
    'export.run': 'organisation',
    'referral.read': 'organisation',
    // The M&E officer keeps indicators, targets, activities and budgets, and drafts stories.
    'results.read': 'organisation',
    'results.manage': 'organisation',
    'activity.record': 'organisation',
    'assistance.read': 'organisation',
    ...border('read'),
  },
  // A donor's viewer reads the organisation's results, never a person or a case.
  viewer: { ...everyone, 'results.read': 'organisation' },
};

/**
 * A platform administrator (the operator of a shared installation) holds every grant of its role
 * widened to all organisations, plus the management of organisations and geography.
 */
export const PLATFORM_ADMIN_GRANTS: Grants = {
  'organisation.read': 'all',
  'organisation.manage': 'all',
  // Lists every organisation's staff, to see whether it has its administrator; creating users in
  // another organisation is limited to that first administrator (users.service), and resetting
  // their passwords is not the operator's to do: no way to sign in as anyone.
  'user.read': 'all',
  'organisation.bootstrap': 'all',
  'geography.read': 'all',
  'geography.manage': 'all',
  // The operator keeps directory entries for partners that are not on the platform.
  'service.manage': 'all',
  'procedure_template.manage': 'all',
  // Backups hold every organisation's data, sealed with a key the operator keeps.
  'backup.manage': 'all',
};
// A platform operator runs the installation; it does not read other organisations' people or cases.

export function grantedScope(role: Role, platformAdmin: boolean, permission: Permission): Scope | null {
  if (platformAdmin) {
    const wide = PLATFORM_ADMIN_GRANTS[permission];
    if (wide) return wide;
  }
  return ROLE_GRANTS[role][permission] ?? null;
}
