import type { ChecklistItem } from '@komek/domain';
import { useTranslation } from 'react-i18next';

/**
 * A checklist question in the reader's language: a standard finding from the translations, the
 * organisation's own from the labels its administrator wrote (any language they wrote, failing the reader's).
 */
export function useChecklistLabel(items: ChecklistItem[]) {
  const { t, i18n } = useTranslation();
  const byKey = new Map(items.map((i) => [i.key, i]));
  return (key: string) => {
    const item = byKey.get(key);
    if (!item || item.standard) return t(`enums.finding.${key}`);
    const labels = item.labels as Record<string, string>;
    return labels[i18n.language] ?? labels.en ?? labels.ru ?? Object.values(labels)[0] ?? key;
  };
}
