import {
  ACTIVITY_TYPES,
  type ATTACHMENT_TYPES,
  AUDIENCES,
  attachmentsApi,
  resultsApi,
  zActivityInput,
} from '@komek/domain';
import {
  Anchor,
  Button,
  FileButton,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from 'uuidv7';
import { fieldErrors, urlOf } from '../../app/api.ts';
import { fileToBase64 } from '../../app/files.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { validateWith } from '../../app/validate.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { LengthHint } from '../../components/LengthHint.tsx';
import { useDistricts } from '../../components/useDistricts.ts';
import { amend } from '../../offline/answers.ts';
import { blankParticipants, ParticipantRows } from './ParticipantRows.tsx';

/** Participants summed by sex, in the order first met: rows differ by age and group too. */
function bySex(rows: { sex: string; count: number }[]): [string, number][] {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(row.sex, (sums.get(row.sex) ?? 0) + row.count);
  return [...sums];
}

/** Lists of participants, photos and minutes, sealed on the server like case files. */
function ActivityFiles({ activityId, canManage }: { activityId: string; canManage: boolean }) {
  const params = { id: activityId };
  const files = useApiQuery(attachmentsApi.activityFiles, { params });
  const attach = useApiMutation(attachmentsApi.attachToActivity, {
    invalidates: [attachmentsApi.activityFiles],
  });
  return (
    <Stack gap={2}>
      <ErrorAlert error={files.error ?? attach.error} />
      {files.data?.items.map((f) => (
        <Anchor
          key={f.id}
          size="xs"
          href={urlOf(attachmentsApi.readActivityFile, { params: { id: activityId, attachmentId: f.id } })}
        >
          {f.filename}
        </Anchor>
      ))}
      {canManage && (
        <FileButton
          onChange={async (file) => {
            if (!file) return;
            // The server refuses a type it does not keep, in the user's language.
            attach.mutate({
              params,
              body: {
                filename: file.name,
                mimeType: file.type as keyof typeof ATTACHMENT_TYPES,
                contentBase64: await fileToBase64(file),
              },
            });
          }}
        >
          {(props) => (
            <Button size="compact-xs" variant="subtle" {...props}>
              +
            </Button>
          )}
        </FileButton>
      )}
    </Stack>
  );
}

/**
 * Meetings, trainings, sessions and monitoring visits, with who took part: the organisation's
 * (results), or the user's own (`mine`: a field worker records them, offline too).
 */
export function ActivitiesPanel({
  year,
  canManage,
  canRecord = canManage,
  mine = false,
}: {
  year: number;
  canManage: boolean;
  canRecord?: boolean;
  mine?: boolean;
}) {
  const { t } = useTranslation();
  const districts = useDistricts();
  const source = mine ? resultsApi.myActivities : resultsApi.activities;
  const list = useApiQuery(source, { query: { year } });
  const blank = {
    type: 'training',
    title: '',
    date: `${year}-01-01`,
    districtId: null as string | null,
    audience: null as string | null,
    participants: blankParticipants(),
    checkpoint: '',
    findings: '',
  };
  const [form, setForm] = useState(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useApiMutation(resultsApi.createActivity, {
    invalidates: [resultsApi.activities, resultsApi.myActivities, resultsApi.results],
    onSuccess: () => {
      setForm(blank);
      setErrors({});
    },
    onError: (e) => setErrors(fieldErrors(e)),
    offline: {
      kind: 'activity',
      title: ({ body }) => body.title,
      local: async ({ body }, user) => {
        const parsed = zActivityInput.parse(body);
        const kept = {
          ...parsed,
          id: uuidv7(),
          orgId: user.orgId,
          participantsTotal: parsed.participants.reduce((sum, p) => sum + p.count, 0),
          version: 1,
        };
        await amend<{ items: (typeof kept)[] }>(urlOf(source, { query: { year } }), (old) => ({
          items: [kept, ...(old?.items ?? [])],
        }));
        return kept;
      },
    },
  });
  const save = () => {
    // A row left without a number is not a row: the form starts with one, to be filled or not.
    const participants = form.participants.filter((p) => p.count !== '');
    const checked = validateWith(zActivityInput, {
      type: form.type,
      title: form.title,
      date: form.date,
      districtId: form.districtId,
      audience: form.audience,
      participants,
      checkpoint: form.checkpoint || null,
      findings: form.findings || null,
    });
    if (checked.errors) return setErrors(checked.errors);
    create.mutate({ body: checked.data });
  };
  return (
    <Stack>
      <ErrorAlert error={list.error ?? create.error} />
      {list.data?.items.length === 0 && (
        <Text c="dimmed" data-testid="activities-none">
          {t('activities.none')}
        </Text>
      )}
      <Table striped data-testid="activities-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('results.date')}</Table.Th>
            <Table.Th>{t('results.activityType')}</Table.Th>
            <Table.Th>{t('results.activityTitle')}</Table.Th>
            <Table.Th>{t('results.district')}</Table.Th>
            {!mine && <Table.Th>{t('results.files')}</Table.Th>}
            <Table.Th>{t('results.participants')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data?.items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{a.date}</Table.Td>
              <Table.Td>{t(`results.activityTypes.${a.type}`)}</Table.Td>
              <Table.Td>
                {a.title}
                {a.findings && (
                  <Text size="xs" c="dimmed">
                    {a.checkpoint ? `${a.checkpoint}: ` : ''}
                    {a.findings}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{districts.nameOf(a.districtId)}</Table.Td>
              {!mine && (
                <Table.Td>
                  <ActivityFiles activityId={a.id} canManage={canManage} />
                </Table.Td>
              )}
              <Table.Td>
                {a.participantsTotal}{' '}
                <Text span size="xs" c="dimmed">
                  (
                  {bySex(a.participants)
                    .map(([sex, count]) => `${t(`enums.sex.${sex}`)} ${count}`)
                    .join(', ')}
                  )
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {canRecord && (
        <Paper withBorder p="sm" data-testid="activity-form">
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
              <Select
                label={t('results.activityType')}
                data={ACTIVITY_TYPES.map((v) => ({ value: v, label: t(`results.activityTypes.${v}`) }))}
                value={form.type}
                onChange={(v) => v && setForm({ ...form, type: v })}
              />
              <Stack gap={2}>
                <TextInput
                  label={t('results.activityTitle')}
                  value={form.title}
                  error={errors.title}
                  onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
                />
                <LengthHint value={form.title} max={zActivityInput.shape.title.maxLength} />
              </Stack>
              <TextInput
                type="date"
                label={t('results.date')}
                value={form.date}
                error={errors.date}
                onChange={(e) => setForm({ ...form, date: e.currentTarget.value })}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <Select
                label={t('results.district')}
                data={districts.options}
                value={form.districtId}
                clearable
                onChange={(v) => setForm({ ...form, districtId: v })}
              />
              <Select
                label={t('results.audience')}
                data={enumOptions(t, 'audience', AUDIENCES)}
                value={form.audience}
                clearable
                onChange={(v) => setForm({ ...form, audience: v })}
              />
            </SimpleGrid>
            <ParticipantRows
              rows={form.participants}
              errors={errors}
              onChange={(participants) => setForm({ ...form, participants })}
            />
            {form.type === 'border_monitoring' && (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                <TextInput
                  label={t('results.checkpoint')}
                  value={form.checkpoint}
                  error={errors.checkpoint}
                  onChange={(e) => setForm({ ...form, checkpoint: e.currentTarget.value })}
                />
                <Stack gap={2}>
                  <Textarea
                    label={t('results.findings')}
                    value={form.findings}
                    error={errors.findings}
                    onChange={(e) => setForm({ ...form, findings: e.currentTarget.value })}
                  />
                  <LengthHint
                    value={form.findings}
                    max={zActivityInput.shape.findings.unwrap().unwrap().maxLength}
                  />
                </Stack>
              </SimpleGrid>
            )}
            <Group justify="flex-end">
              <Button onClick={save} loading={create.isPending} data-testid="add-activity">
                {t('results.addActivity')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
