import {
  CONSENT_PURPOSES,
  casesApi,
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  type Person,
  personsApi,
  zConsentInput,
  zPersonDocumentInput,
} from '@komek/domain';
import { Badge, Button, Group, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../app/api.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { validateWith } from '../../app/validate.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { CaseLink } from '../../components/RecordLinks.tsx';

export function PersonCases({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const cases = useApiQuery(casesApi.list, { query: { personId, limit: 100 } });
  return (
    <Stack gap="xs">
      <Title order={4}>{t('persons.cases')}</Title>
      <Table data-testid="person-cases">
        <Table.Tbody>
          {cases.data?.items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <CaseLink id={c.id}>{c.caseNumber}</CaseLink>
              </Table.Td>
              <Table.Td>{t(`enums.status.${c.status}`)}</Table.Td>
              <Table.Td>{c.problems.map((x) => t(`enums.problem.${x}`)).join(', ')}</Table.Td>
              <Table.Td>{c.outcome ? t(`enums.outcome.${c.outcome}`) : ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** Documents held (numbers sealed at rest, shown to those who may read the person). */
export function PersonDocuments({ person }: { person: Person }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ type: 'passport', number: '', status: 'valid', validUntil: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = useApiMutation(personsApi.addDocument, {
    invalidates: [personsApi.get],
    onSuccess: () => {
      setValues({ ...values, number: '', validUntil: '' });
      setErrors({});
    },
    onError: (e) => setErrors(fieldErrors(e)),
  });
  return (
    <Stack gap="xs">
      <Title order={4}>{t('persons.documents')}</Title>
      <ErrorAlert error={add.error} />
      <Table>
        <Table.Tbody>
          {person.documents?.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>{t(`enums.documentType.${d.type}`)}</Table.Td>
              <Table.Td>{d.number ?? '—'}</Table.Td>
              <Table.Td>
                <Badge color={d.status === 'valid' ? 'green' : 'gray'}>
                  {t(`enums.documentStatus.${d.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{d.validUntil ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group align="flex-end">
        <Select
          label={t('persons.documentType')}
          data={enumOptions(t, 'documentType', DOCUMENT_TYPES)}
          value={values.type}
          allowDeselect={false}
          onChange={(v) => v && setValues({ ...values, type: v })}
          w={200}
        />
        <TextInput
          label={t('persons.documentNumber')}
          placeholder="№"
          value={values.number}
          error={errors.number}
          onChange={(e) => setValues({ ...values, number: e.currentTarget.value })}
        />
        <Select
          label={t('persons.documentStatus')}
          data={enumOptions(t, 'documentStatus', DOCUMENT_STATUSES)}
          value={values.status}
          allowDeselect={false}
          onChange={(v) => v && setValues({ ...values, status: v })}
          w={140}
        />
        <TextInput
          label={t('persons.validUntil')}
          type="date"
          value={values.validUntil}
          error={errors.validUntil}
          onChange={(e) => setValues({ ...values, validUntil: e.currentTarget.value })}
        />
        <Button
          variant="light"
          onClick={() => {
            const checked = validateWith(zPersonDocumentInput, {
              ...values,
              number: values.number || null,
              validUntil: values.validUntil || null,
            });
            if (checked.errors) return setErrors(checked.errors);
            add.mutate({ params: { id: person.id }, body: checked.data });
          }}
        >
          {t('persons.addDocument')}
        </Button>
      </Group>
    </Stack>
  );
}

export function PersonConsents({ person }: { person: Person }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({
    purpose: 'referral',
    scope: '',
    givenAt: new Date().toISOString().slice(0, 10),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const record = useApiMutation(personsApi.addConsent, {
    invalidates: [personsApi.get],
    onSuccess: () => {
      setValues({ ...values, scope: '' });
      setErrors({});
    },
    onError: (e) => setErrors(fieldErrors(e)),
  });
  const withdraw = useApiMutation(personsApi.withdrawConsent, { invalidates: [personsApi.get] });
  return (
    <Stack gap="xs">
      <Title order={4}>{t('persons.consents')}</Title>
      <ErrorAlert error={record.error ?? withdraw.error} />
      <Table>
        <Table.Tbody>
          {person.consents?.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{t(`enums.consentPurpose.${c.purpose}`)}</Table.Td>
              <Table.Td>{c.scope}</Table.Td>
              <Table.Td>{c.givenAt}</Table.Td>
              <Table.Td>
                {c.withdrawnAt ? (
                  <Badge color="gray">{t('persons.withdrawn')}</Badge>
                ) : (
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => withdraw.mutate({ params: { id: person.id, consentId: c.id } })}
                  >
                    {t('persons.withdraw')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group align="flex-end">
        <Select
          label={t('persons.consentPurpose')}
          data={enumOptions(t, 'consentPurpose', CONSENT_PURPOSES)}
          value={values.purpose}
          allowDeselect={false}
          onChange={(v) => v && setValues({ ...values, purpose: v })}
          w={180}
        />
        <TextInput
          label={t('persons.consentScope')}
          value={values.scope}
          error={errors.scope}
          onChange={(e) => setValues({ ...values, scope: e.currentTarget.value })}
          w={260}
        />
        <TextInput
          label={t('persons.consentGivenAt')}
          type="date"
          value={values.givenAt}
          error={errors.givenAt}
          onChange={(e) => setValues({ ...values, givenAt: e.currentTarget.value })}
        />
        <Button
          variant="light"
          onClick={() => {
            const checked = validateWith(zConsentInput, values);
            if (checked.errors) return setErrors(checked.errors);
            record.mutate({ params: { id: person.id }, body: checked.data });
          }}
        >
          {t('persons.recordConsent')}
        </Button>
      </Group>
    </Stack>
  );
}
