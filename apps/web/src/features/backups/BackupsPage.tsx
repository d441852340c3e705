import { backupsApi } from '@komek/domain';
import { Alert, Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { urlOf } from '../../app/api.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { dateTime } from '../../components/date-time.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** A file's size in the reader's language ("5,1 МБ"); like dates, Central Asian languages fall back to Russian. */
const size = (locale: string, bytes: number) => {
  const [value, unit] =
    bytes >= 1_048_576 ? [bytes / 1_048_576, 'megabyte'] : [Math.max(1, bytes / 1024), 'kilobyte'];
  const locales = [locale, ...(locale === 'en' || locale === 'fa-AF' ? [] : ['ru'])];
  return new Intl.NumberFormat(locales, {
    style: 'unit',
    unit,
    maximumFractionDigits: unit === 'megabyte' ? 1 : 0,
  }).format(value);
};

/**
 * The installation's backups, for its operator: the schedule and how many are kept, "back up now"
 * (before an update, say), and each sealed archive to download and keep away from the machine.
 */
export function BackupsPage() {
  const { t, i18n } = useTranslation();
  // Set while a backup asked for here is being written: the list is asked again until it shows.
  const [waitingSince, setWaitingSince] = useState<string | null>(null);
  const backups = useApiQuery(backupsApi.list, {}, { refetchInterval: waitingSince ? 1000 : false });
  const request = useApiMutation(backupsApi.create, {
    onSuccess: ({ requestedAt }) => setWaitingSince(requestedAt.slice(0, 19)),
  });
  const data = backups.data;
  const newest = data?.items[0];
  const written = waitingSince !== null && !!newest && newest.createdAt.slice(0, 19) >= waitingSince;
  // Cleared by the server once an archive is written after it.
  const failedAt = data?.lastFailureAt ?? null;
  const failed = waitingSince !== null && failedAt !== null && failedAt.slice(0, 19) >= waitingSince;
  useEffect(() => {
    if (written || failed) setWaitingSince(null);
  }, [written, failed]);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('backups.title')}</Title>
        <Button
          data-testid="backup-now"
          disabled={!data?.keyConfigured}
          loading={request.isPending || waitingSince !== null}
          onClick={() => request.mutate({})}
        >
          {t('backups.now')}
        </Button>
      </Group>
      <ErrorAlert error={backups.error ?? request.error} />
      {failedAt && (
        <Alert color="red" data-testid="backup-failed">
          {t('backups.failed', { time: dateTime(i18n.language, failedAt) })}
        </Alert>
      )}
      {data && !data.keyConfigured && (
        <Alert color="orange" data-testid="backup-no-key">
          {t('backups.noKey')}
        </Alert>
      )}
      {data && (
        <Text data-testid="backup-rule">
          {data.schedule
            ? t('backups.scheduled', { schedule: data.schedule, keep: data.keep })
            : t('backups.unscheduled', { keep: data.keep })}
        </Text>
      )}
      <Text size="sm" c="dimmed">
        {t('backups.keepAway')}
      </Text>
      {data && data.items.length === 0 && <Text c="dimmed">{t('backups.none')}</Text>}
      {data && data.items.length > 0 && (
        <Table.ScrollContainer minWidth={420}>
          <Table data-testid="backup-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('backups.taken')}</Table.Th>
                <Table.Th>{t('backups.size')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((b) => (
                <Table.Tr key={b.name} data-testid="backup-row">
                  <Table.Td>{dateTime(i18n.language, b.createdAt)}</Table.Td>
                  <Table.Td>{size(i18n.language, b.bytes)}</Table.Td>
                  <Table.Td>
                    <Anchor href={urlOf(backupsApi.file, { params: { name: b.name } })} download={b.name}>
                      {t('backups.download')}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
