import { LOCALES } from '@komek/domain';
import { describe, expect, it } from 'vitest';
import { STANDARD_INDICATORS } from './standard-indicators.ts';

describe('standard indicators', () => {
  it('are named in every language of the interface', () => {
    for (const indicator of STANDARD_INDICATORS)
      for (const locale of LOCALES)
        expect(indicator.name[locale]?.trim(), `${indicator.code} ${locale}`).toBeTruthy();
  });
});
