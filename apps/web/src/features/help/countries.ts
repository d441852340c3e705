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
