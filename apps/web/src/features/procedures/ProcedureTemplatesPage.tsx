import {
  PROCEDURE_COUNTRIES,
  type ProcedureTemplate,
  proceduresApi,
  type SessionUser,
  zHolidayInput,
} from '@komek/domain';
import { ActionIcon, Button, Checkbox, Group, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../app/api.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { can } from '../../app/session.ts';
import { validateWith } from '../../app/validate.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TEMPLATES_FIRST_COUNTRY } from '../../offline/sync.ts';
import { TemplateEditor } from './TemplateEditor.tsx';

type Country = (typeof PROCEDURE_COUNTRIES)[number];

function Holidays({ country, operator }: { country: Country; operator: boolean }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ date: '', name: '', workingDay: false });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const list = useApiQuery(proceduresApi.holidays, { query: { countryCode: country } });
  // A holiday moves every clock of the country: deadlines are asked again.
  const invalidates = [proceduresApi.holidays, proceduresApi.deadlines, proceduresApi.ofCase];
  const remove = useApiMutation(proceduresApi.removeHoliday, { invalidates });
  const add = useApiMutation(proceduresApi.addHoliday, {
    invalidates,
    onSuccess: () => setDraft({ date: '', name: '', workingDay: false }),
    onError: (e) => setErrors(fieldErrors(e)),
  });
  const error = list.error ?? remove.error ?? add.error;
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
                    onClick={() => remove.mutate({ params: { id: h.id } })}
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
            error={errors.date}
            onChange={(e) => setDraft({ ...draft, date: e.currentTarget.value })}
          />
          <TextInput
            label={t('procedures.holidayName')}
            value={draft.name}
            error={errors.name}
            onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
          />
          <Checkbox
            label={t('procedures.workingDay')}
            checked={draft.workingDay}
            onChange={(e) => setDraft({ ...draft, workingDay: e.currentTarget.checked })}
          />
          <Button
            variant="light"
            loading={add.isPending}
            onClick={() => {
              const checked = validateWith(zHolidayInput, {
                countryCode: country,
                date: draft.date,
                name: draft.name,
                kind: draft.workingDay ? 'working_day' : 'holiday',
              });
              setErrors(checked.errors ?? {});
              if (checked.data) add.mutate({ body: checked.data });
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
  const [country, setCountry] = useState<Country>(TEMPLATES_FIRST_COUNTRY);
  const list = useApiQuery(proceduresApi.templates, { query: { countryCode: country } });
  const editable = (tpl: ProcedureTemplate) =>
    user.platformAdmin || (tpl.orgId === user.orgId && can(user, 'procedure_template.manage'));
  return (
    <Stack>
      <Title order={2}>{t('procedures.title')}</Title>
      <Select
        w={240}
        label={t('procedures.country')}
        data={PROCEDURE_COUNTRIES.map((c) => ({ value: c, label: t(`procedures.countries.${c}`) }))}
        value={country}
        onChange={(v) => v && setCountry(v as Country)}
      />
      <ErrorAlert error={list.error} />
      {list.data?.items.map((tpl) => (
        <TemplateEditor key={`${tpl.id}-${tpl.version}`} template={tpl} editable={editable(tpl)} />
      ))}
      <Holidays country={country} operator={user.platformAdmin} />
    </Stack>
  );
}
