import { describe, expect, it } from 'vitest';
import { pickLocale } from './locales.ts';
import { grantedScope, PERMISSIONS, ROLE_GRANTS } from './permissions.ts';
import { ROLES, scopeIncludes } from './roles.ts';
import { tokenAllows } from './tokens.schema.ts';

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

  it('keeps audit and user management with admins; the platform operator manages organisations, not their people', () => {
    expect(grantedScope('lawyer', false, 'audit.read')).toBeNull();
    expect(grantedScope('admin', false, 'user.manage')).toBe('organisation');
    // An operator manages only its own organisation's users, reads only its own audit, mints no one's tokens.
    expect(grantedScope('admin', true, 'user.manage')).toBe('organisation');
    expect(grantedScope('admin', true, 'audit.read')).toBe('organisation');
    expect(grantedScope('admin', true, 'token.manage')).toBe('organisation');
    expect(grantedScope('admin', true, 'organisation.bootstrap')).toBe('all');
    expect(grantedScope('admin', false, 'organisation.bootstrap')).toBeNull();
    expect(grantedScope('viewer', false, 'user.read')).toBe('own');
  });

  it('lets API tokens do only what their scopes name, and never manage tokens, users or sign-in', () => {
    expect(tokenAllows(['read'], 'GET', 'person.read')).toBe(true);
    expect(tokenAllows(['read'], 'POST', 'person.manage')).toBe(false);
    expect(tokenAllows(['casework'], 'POST', 'person.manage')).toBe(true);
    expect(tokenAllows(['casework'], 'GET', 'person.read')).toBe(false);
    expect(tokenAllows(['reports'], 'GET', 'results.read')).toBe(true);
    expect(tokenAllows(['reports'], 'GET', 'person.read')).toBe(false);
    for (const scopes of [['read'], ['casework'], ['reports'], ['read', 'casework', 'reports']]) {
      expect(tokenAllows(scopes, 'POST', 'token.manage')).toBe(false);
      expect(tokenAllows(scopes, 'GET', 'token.manage')).toBe(false);
      expect(tokenAllows(scopes, 'POST', 'user.manage')).toBe(false);
      expect(tokenAllows(scopes, 'POST', null)).toBe(false);
    }
  });

  it('orders scopes from own to all', () => {
    expect(scopeIncludes('all', 'own')).toBe(true);
    expect(scopeIncludes('office', 'organisation')).toBe(false);
  });
});
