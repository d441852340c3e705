import { type GeoArea, geographyApi } from '@komek/domain';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../app/hooks.ts';

const label = (area: GeoArea, lang: string) => area.names[lang] ?? area.names.ru ?? area.names.en ?? area.id;

/** The district list as select options, and a lookup of a district's name in the current language. */
export function useDistricts() {
  const { i18n } = useTranslation();
  const query = useApiQuery(geographyApi.list, { query: { level: 'district' } }, { staleTime: 10 * 60_000 });
  const items = query.data?.items ?? [];
  return {
    options: items.map((d) => ({ value: d.id, label: label(d, i18n.language) })),
    nameOf: (id: string | null | undefined) => {
      if (!id) return '';
      const area = items.find((d) => d.id === id);
      return area ? label(area, i18n.language) : id;
    },
  };
}
