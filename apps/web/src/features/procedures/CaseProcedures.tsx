import { type Procedure, proceduresApi } from '@komek/domain';
import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { DocumentMenu } from './DocumentMenu.tsx';
import { localisedName } from './localised.ts';
import { StepActions } from './StepActions.tsx';

function ToConfirm() {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="orange.8" fw={600}>
      {t('procedures.toConfirm')}
    </Text>
  );
}

function DueCell({ step }: { step: Procedure['steps'][number] }) {
  const { t } = useTranslation();
  if (!step.dueDate)
    return step.toConfirm && step.status !== 'done' && step.status !== 'skipped' ? <ToConfirm /> : null;
  return (
    <Group gap={4} wrap="nowrap" style={{ whiteSpace: 'nowrap' }}>
      <Text size="sm" c={step.overdue ? 'red' : undefined} fw={step.overdue ? 700 : undefined}>
        {step.dueDate}
      </Text>
      {step.overdue && (
        <Badge color="red" data-testid="step-overdue">
          {t('procedures.overdue')}
        </Badge>
      )}
      {!step.overdue && step.daysLeft !== null && (
        <Text size="xs" c="dimmed">
          {t('procedures.daysLeft', { count: step.daysLeft })}
        </Text>
      )}
      {step.toConfirm && <ToConfirm />}
    </Group>
  );
}

/** The State procedures a case goes through, each step with its clock. */
export function CaseProcedures({ caseId, canManage }: { caseId: string; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [openedOn, setOpenedOn] = useState(new Date().toISOString().slice(0, 10));
  const params = { id: caseId };
  const list = useApiQuery(proceduresApi.ofCase, { params });
  const templates = useApiQuery(proceduresApi.templates, {}, { enabled: canManage });
  const open = useApiMutation(proceduresApi.open, {
    invalidates: [proceduresApi.ofCase, proceduresApi.deadlines],
    onSuccess: () => setTemplateId(null),
  });
  const error = list.error ?? templates.error ?? open.error;
  return (
    <Stack gap="xs" data-testid="case-procedures">
      <Title order={4}>{t('procedures.title')}</Title>
      <ErrorAlert error={error} />
      {list.data?.items.length === 0 && <Text c="dimmed">{t('procedures.none')}</Text>}
      {list.data?.items.map((p) => (
        <Paper key={p.id} withBorder p="sm">
          <Group justify="space-between" mb="xs">
            <Text fw={600}>
              {p.name} · {t(`procedures.countries.${p.countryCode}`)} · {p.openedOn}
            </Text>
            <Group gap={4}>
              {p.emergency && <Badge color="red">{t('procedures.emergency')}</Badge>}
              {p.status === 'closed' && <Badge color="gray">{t('procedures.closed')}</Badge>}
            </Group>
          </Group>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('procedures.step')}</Table.Th>
                <Table.Th>{t('procedures.status')}</Table.Th>
                <Table.Th>{t('procedures.started')}</Table.Th>
                <Table.Th>{t('procedures.due')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.steps.map((s) => (
                <Table.Tr key={s.id} data-testid={`step-${s.key}`}>
                  <Table.Td>
                    <Text size="sm">{s.name}</Text>
                    {s.note && (
                      <Text size="xs" c="dimmed">
                        {s.note}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {t(`procedures.statuses.${s.status}`)}
                    {s.doneOn ? ` ${s.doneOn}` : ''}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{s.startedOn}</Table.Td>
                  <Table.Td>
                    <DueCell step={s} />
                  </Table.Td>
                  <Table.Td>{canManage && <StepActions procedureId={p.id} step={s} />}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
      {canManage && (
        <Group align="flex-end">
          <Select
            label={t('procedures.open')}
            data={(templates.data?.items ?? [])
              .filter((tpl) => tpl.active)
              .map((tpl) => ({
                value: tpl.id,
                label: `${t(`procedures.countries.${tpl.countryCode}`)} — ${localisedName(tpl.name, i18n.language)}`,
              }))}
            value={templateId}
            onChange={setTemplateId}
            searchable
            w={420}
            data-testid="procedure-template"
          />
          <TextInput
            type="date"
            label={t('procedures.openedOn')}
            value={openedOn}
            onChange={(e) => setOpenedOn(e.currentTarget.value)}
          />
          <Button
            disabled={!templateId}
            data-testid="procedure-open"
            loading={open.isPending}
            onClick={() => templateId && open.mutate({ params, body: { templateId, openedOn } })}
          >
            {t('procedures.openSubmit')}
          </Button>
        </Group>
      )}
      {canManage && <DocumentMenu caseId={caseId} />}
    </Stack>
  );
}
