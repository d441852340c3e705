import { DOCUMENT_KINDS, DOCUMENT_LOCALES, type DocumentKind, proceduresApi } from '@komek/domain';
import { Anchor, Group, Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { urlOf } from '../../app/api.ts';

const LANGUAGE_LABELS: Record<(typeof DOCUMENT_LOCALES)[number], string> = {
  ru: 'Русский',
  ky: 'Кыргызча',
  kk: 'Қазақша',
  uz: 'Oʻzbekcha',
  en: 'English',
};

/** A letter filled from the case, in the language the authority reads, to edit (DOCX) or print (PDF). */
export function DocumentMenu({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<DocumentKind>(DOCUMENT_KINDS[0]);
  const [locale, setLocale] = useState<(typeof DOCUMENT_LOCALES)[number]>('ru');
  const href = (format: 'docx' | 'pdf') =>
    urlOf(proceduresApi.document, { params: { id: caseId, kind }, query: { locale, format } });
  return (
    <Group align="flex-end">
      <Select
        label={t('procedures.document')}
        data={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`procedures.docs.${k}`) }))}
        value={kind}
        onChange={(v) => v && setKind(v as DocumentKind)}
        w={320}
      />
      <Select
        label={t('procedures.language')}
        data={DOCUMENT_LOCALES.map((l) => ({ value: l, label: LANGUAGE_LABELS[l] }))}
        value={locale}
        onChange={(v) => v && setLocale(v as (typeof DOCUMENT_LOCALES)[number])}
        w={150}
      />
      <Anchor href={href('docx')} data-testid="document-docx">
        DOCX
      </Anchor>
      <Anchor href={href('pdf')} target="_blank">
        PDF
      </Anchor>
    </Group>
  );
}
