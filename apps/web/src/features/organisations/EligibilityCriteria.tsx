import { eligibilityApi, zEligibilityCriterionInput } from '@komek/domain';
import { Button, Group, Stack, Switch, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../app/api.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { validateWith } from '../../app/validate.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** The administrator's list of intake criteria; labels are entered in the current language. */
export function EligibilityCriteria() {
  const { t, i18n } = useTranslation();
  const [code, setCode] = useState('');
  const [label, setLabel] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const list = useApiQuery(eligibilityApi.list, {});
  const invalidates = [eligibilityApi.list];
  const toggle = useApiMutation(eligibilityApi.update, { invalidates });
  const create = useApiMutation(eligibilityApi.create, {
    invalidates,
    onSuccess: () => {
      setCode('');
      setLabel('');
      setErrors({});
    },
    onError: (e) => setErrors(fieldErrors(e)),
  });
  return (
    <Stack gap="xs">
      <Title order={5}>{t('cases.criteria')}</Title>
      <ErrorAlert error={list.error ?? toggle.error ?? create.error} />
      <Table>
        <Table.Tbody>
          {list.data?.items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{c.code}</Table.Td>
              <Table.Td>{c.label[i18n.language] ?? c.label.ru ?? c.label.en}</Table.Td>
              <Table.Td>
                <Switch
                  label={t('cases.active')}
                  checked={c.active}
                  onChange={(e) =>
                    toggle.mutate({
                      params: { id: c.id },
                      body: { version: c.version, active: e.currentTarget.checked },
                    })
                  }
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group align="flex-end">
        <TextInput
          label={t('cases.criterionCode')}
          value={code}
          error={errors.code}
          onChange={(e) => setCode(e.currentTarget.value)}
        />
        <TextInput
          label={t('cases.criterionLabel')}
          value={label}
          error={errors.label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          w={320}
        />
        <Button
          variant="light"
          loading={create.isPending}
          onClick={() => {
            const checked = validateWith(zEligibilityCriterionInput, {
              code,
              label: { [i18n.language]: label },
            });
            if (checked.errors) return setErrors(checked.errors);
            create.mutate({ body: checked.data });
          }}
        >
          {t('common.create')}
        </Button>
      </Group>
    </Stack>
  );
}
