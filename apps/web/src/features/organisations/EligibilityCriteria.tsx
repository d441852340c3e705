import { zEligibilityCriterionInput } from '@komek/domain';
import { Button, Group, Stack, Switch, Table, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, fieldErrors } from '../../app/api.ts';
import { validateWith } from '../../app/validate.ts';

interface Criterion {
  id: string;
  code: string;
  label: Record<string, string>;
  active: boolean;
  version: number;
}

/** The administrator's list of intake criteria; labels are entered in the current language. */
export function EligibilityCriteria() {
  const { t, i18n } = useTranslation();
  const [code, setCode] = useState('');
  const [label, setLabel] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const list = useQuery({
    queryKey: ['eligibility-admin'],
    queryFn: () => api<{ items: Criterion[] }>('/eligibility-criteria'),
  });
  return (
    <Stack gap="xs">
      <Title order={5}>{t('cases.criteria')}</Title>
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
                  onChange={async (e) => {
                    await api(`/eligibility-criteria/${c.id}`, {
                      method: 'PATCH',
                      body: { version: c.version, active: e.currentTarget.checked },
                    });
                    await list.refetch();
                  }}
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
          onClick={async () => {
            const checked = validateWith(zEligibilityCriterionInput, {
              code,
              label: { [i18n.language]: label },
            });
            if (checked.errors) return setErrors(checked.errors);
            try {
              await api('/eligibility-criteria', { method: 'POST', body: checked.data });
              setCode('');
              setLabel('');
              setErrors({});
              await list.refetch();
            } catch (e) {
              setErrors(fieldErrors(e));
            }
          }}
        >
          {t('common.create')}
        </Button>
      </Group>
    </Stack>
  );
}
