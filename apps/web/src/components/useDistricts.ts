import type { GeoArea } from '@komek/domain';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api.ts';

const label = (area: GeoArea, lang: string) => area.names[lang] ?? area.names.ru ?? area.names.en ?? area.id;

/** The district list as select options, and a lookup of a district's name in the current language. */
export function useDistricts() {
  const { i18n } = useTranslation();
  const query = useQuery({
    queryKey: ['geo', 'district'],
    queryFn: () => api<{ items: GeoArea[] }>('/geography?level=district'),
    staleTime: 10 * 60_000,
  });
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
