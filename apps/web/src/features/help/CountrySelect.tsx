import { HELP_COUNTRIES } from '@komek/domain';
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Countries named in the reader's language by the browser (Russian where it has no Central Asian names). */
export function countryOptions(locale: string, codes: readonly string[]) {
  const names = new Intl.DisplayNames(
    [locale, ...(locale === 'en' || locale === 'fa-AF' ? [] : ['ru']), 'en'],
    {
      type: 'region',
    },
  );
  return codes.map((code) => ({ value: code, label: names.of(code) ?? code }));
}

/** The country an article or a notice speaks of. */
export function CountrySelect({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Select
      label={t('helpContent.country')}
      data={countryOptions(i18n.language, HELP_COUNTRIES)}
      value={value}
      allowDeselect={false}
      onChange={(v) => v && onChange(v)}
      w={200}
    />
  );
}
