import { LOCALES, type Locale } from '@komek/domain';
import { NativeSelect } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { changeLocale, LANGUAGE_NAMES } from '../i18n/index.ts';

/** Switches the interface language; for a signed-in user it is also saved to their profile. */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const { t, i18n } = useTranslation();
  const save = useMutation({
    mutationFn: async (locale: Locale) => (await import('./save-locale.ts')).saveLocale(locale),
  });
  return (
    <NativeSelect
      aria-label={t('language.label')}
      data-testid="language-switch"
      size="xs"
      value={i18n.language}
      data={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
      error={save.error ? t('language.notSaved') : undefined}
      onChange={async (event) => {
        const locale = event.currentTarget.value as Locale;
        await changeLocale(locale);
        if (signedIn) save.mutate(locale);
      }}
    />
  );
}
