import { LOCALES } from '@komek/domain';
import { describe, expect, it } from 'vitest';
import { PROCEDURE_TEMPLATES } from './procedures.seed.ts';

describe('procedure templates', () => {
  it('name every procedure and step in every language of the interface', () => {
    for (const template of PROCEDURE_TEMPLATES)
      for (const named of [template, ...template.steps])
        for (const locale of LOCALES)
          expect(named.name?.[locale]?.trim(), `${template.code} ${named.name?.en} ${locale}`).toBeTruthy();
  });
});
