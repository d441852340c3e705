import { isLocale } from '@komek/domain';
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { translationCoverage } from '../i18n/index.ts';

/** Says plainly when a language is incomplete, so a fallback string is never mistaken for a bug. */
export function PartialTranslationNotice() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  if (!isLocale(locale)) return null;
  const coverage = translationCoverage(locale);
  if (coverage >= 0.999) return null;
  return (
    <Alert color="yellow" variant="light" data-testid="partial-translation" py={6}>
      {t('language.partial')} ({Math.round(coverage * 100)}%)
    </Alert>
  );
}
