import { PROCEDURE_COUNTRIES, type ProcedureTemplate, type SessionUser } from '@komek/domain';
import { ActionIcon, Button, Checkbox, Group, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { can } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TemplateEditor } from './TemplateEditor.tsx';

interface Holiday {
  id: string;
  date: string;
  name: string;
  kind: 'holiday' | 'working_day';
}

function Holidays({ country, operator }: { country: string; operator: boolean }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ date: '', name: '', workingDay: false });
  const [error, setError] = useState<unknown>(null);
  const list = useQuery({
    queryKey: ['holidays', country],
    queryFn: () => api<{ items: Holiday[] }>(`/holidays?countryCode=${country}`),
  });
  return (
    <Stack gap="xs">
      <Title order={4}>{t('procedures.holidays')}</Title>
      <ErrorAlert error={error} />
      <Table>
        <Table.Tbody>
          {list.data?.items.map((h) => (
            <Table.Tr key={h.id}>
              <Table.Td>{h.date}</Table.Td>
              <Table.Td>
                {h.name}
                {h.kind === 'working_day' ? ` (${t('procedures.workingDay')})` : ''}
              </Table.Td>
              <Table.Td>
                {operator && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label="delete"
                    onClick={async () => {
                      await api(`/holidays/${h.id}`, { method: 'DELETE' });
                      await list.refetch();
                    }}
                  >
                    ×
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {operator && (
        <Group align="flex-end">
          <TextInput
            type="date"
            label={t('procedures.date')}
            value={draft.date}
            onChange={(e) => setDraft({ ...draft, date: e.currentTarget.value })}
          />
          <TextInput
            label={t('procedures.holidayName')}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
          />
          <Checkbox
            label={t('procedures.workingDay')}
            checked={draft.workingDay}
            onChange={(e) => setDraft({ ...draft, workingDay: e.currentTarget.checked })}
          />
          <Button
            variant="light"
            onClick={async () => {
              try {
                await api('/holidays', {
                  method: 'POST',
                  body: {
                    countryCode: country,
                    date: draft.date,
                    name: draft.name,
                    kind: draft.workingDay ? 'working_day' : 'holiday',
                  },
                });
                setDraft({ date: '', name: '', workingDay: false });
                setError(null);
                await list.refetch();
              } catch (e) {
                setError(e);
              }
            }}
          >
            {t('procedures.addHoliday')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The procedures each country's law sets, with their clocks, and the holidays the clocks skip. */
export function ProcedureTemplatesPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [country, setCountry] = useState<string>('KG');
  const list = useQuery({
    queryKey: ['procedure-templates', country],
    queryFn: () => api<{ items: ProcedureTemplate[] }>(`/procedure-templates?countryCode=${country}`),
  });
  const editable = (tpl: ProcedureTemplate) =>
    user.platformAdmin || (tpl.orgId === user.orgId && can(user, 'procedure_template.manage'));
  return (
    <Stack>
      <Title order={2}>{t('procedures.title')}</Title>
      <Select
        w={240}
        data={PROCEDURE_COUNTRIES.map((c) => ({ value: c, label: t(`procedures.countries.${c}`) }))}
        value={country}
        onChange={(v) => v && setCountry(v)}
      />
      <ErrorAlert error={list.error} />
      {list.data?.items.map((tpl) => (
        <TemplateEditor
          key={`${tpl.id}-${tpl.version}`}
          template={tpl}
          editable={editable(tpl)}
          onSaved={() => void list.refetch()}
        />
      ))}
      <Holidays country={country} operator={user.platformAdmin} />
    </Stack>
  );
}
