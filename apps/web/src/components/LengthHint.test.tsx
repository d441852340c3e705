// @vitest-environment happy-dom
import { zNoteInput, zTaskInput } from '@komek/domain';
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';

describe('the length hint beside a limited text', () => {
  let LengthHint: typeof import('./LengthHint.tsx').LengthHint;
  let i18n: typeof import('../i18n/index.ts').default;
  beforeAll(async () => {
    LengthHint = (await import('./LengthHint.tsx')).LengthHint;
    i18n = (await import('../i18n/index.ts')).default;
  });
  // One hint on the page at a time.
  const show = (value: string, max: number | null) => {
    cleanup();
    return render(
      <MantineProvider>
        <LengthHint value={value} max={max} />
      </MantineProvider>,
    );
  };

  it('stays quiet until most of the limit is used, then counts, from the shared schema’s limit', async () => {
    await i18n.changeLanguage('en');
    const max = zTaskInput.shape.title.maxLength;
    expect(max).toBe(300);
    show('x'.repeat(200), max);
    expect(screen.queryByTestId('length-hint')).toBeNull();
    show('x'.repeat(250), max);
    expect(screen.getByTestId('length-hint').textContent).toBe('250 of 300 characters');
  });

  it('says in Kyrgyz and in Dari when a note is over its limit', async () => {
    const max = zNoteInput.shape.body.maxLength;
    await i18n.changeLanguage('ky');
    show('x'.repeat(10_001), max);
    expect(screen.getByTestId('length-hint').textContent).toBe('10001 белги: 10000 ашпашы керек');
    await i18n.changeLanguage('fa-AF');
    show('x'.repeat(10_001), max);
    expect(screen.getByTestId('length-hint').textContent).toBe('10001 حرف: حداکثر 10000');
  });
});
