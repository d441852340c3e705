import { describe, expect, it } from 'vitest';
import { pickLocale } from './locales.ts';
import { grantedScope, PERMISSIONS, ROLE_GRANTS } from './permissions.ts';
import { ROLES, scopeIncludes } from './roles.ts';

describe('locales', () => {
  it('picks the best supported locale from Accept-Language', () => {
    expect(pickLocale('ru-RU,ru;q=0.9,en;q=0.8')).toBe('ru');
    expect(pickLocale('fa-AF')).toBe('fa-AF');
    expect(pickLocale('prs')).toBe('fa-AF');
    expect(pickLocale('de-DE, ky;q=0.5')).toBe('ky');
    expect(pickLocale('en;q=0.2, uz;q=0.9')).toBe('uz');
    expect(pickLocale('xx')).toBe('en');
    expect(pickLocale(undefined, 'ru')).toBe('ru');
  });
});

describe('permissions', () => {
  it('names only known permissions for every role', () => {
    for (const role of ROLES) {
      for (const permission of Object.keys(ROLE_GRANTS[role])) expect(PERMISSIONS).toContain(permission);
    }
  });

  it('keeps audit and user management with admins, and widens for platform administrators', () => {
    expect(grantedScope('lawyer', false, 'audit.read')).toBeNull();
    expect(grantedScope('admin', false, 'user.manage')).toBe('organisation');
    expect(grantedScope('admin', true, 'user.manage')).toBe('all');
    expect(grantedScope('viewer', false, 'user.read')).toBe('own');
  });

  it('orders scopes from own to all', () => {
    expect(scopeIncludes('all', 'own')).toBe(true);
    expect(scopeIncludes('office', 'organisation')).toBe(false);
  });
});
