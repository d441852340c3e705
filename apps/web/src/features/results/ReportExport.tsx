import { resultsApi } from '@komek/domain';
import { Anchor, Button, Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { urlOf } from '../../app/api.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ReadSourceNote } from './ReadSourceNote.tsx';

const running = (status: string | undefined) => status === 'queued' || status === 'running';

/** Starts a report on the server and follows its progress until the file can be downloaded. */
export function ReportExport({ year }: { year: number }) {
  const { t } = useTranslation();
  const start = useApiMutation(resultsApi.startReport);
  const started = start.data;
  const followed = useApiQuery(
    resultsApi.report,
    { params: { id: started?.id ?? '' } },
    {
      enabled: !!started,
      refetchInterval: (q) => (running(q.state.data?.status ?? started?.status) ? 500 : false),
    },
  );
  const run = followed.data ?? started;
  const busy = start.isPending || running(run?.status);
  return (
    <Group align="center">
      <Button
        variant="light"
        disabled={busy}
        onClick={() => start.mutate({ body: { year, format: 'xlsx' } })}
        data-testid="report-xlsx"
      >
        {t('results.reportXlsx')}
      </Button>
      <Button
        variant="light"
        disabled={busy}
        onClick={() => start.mutate({ body: { year, format: 'pdf' } })}
        data-testid="report-pdf"
      >
        {t('results.reportPdf')}
      </Button>
      {run && running(run.status) && (
        <Progress value={run.progress} w={200} animated data-testid="report-progress" />
      )}
      {run?.status === 'done' && (
        <>
          <Anchor
            href={urlOf(resultsApi.reportFile, { params: { id: run.id } })}
            data-testid="report-download"
          >
            {t('results.download', { format: run.format.toUpperCase() })}
          </Anchor>
          <ReadSourceNote source={run.source} />
        </>
      )}
      {run?.status === 'failed' && <Text c="red">{run.error}</Text>}
      <ErrorAlert error={start.error ?? followed.error} />
    </Group>
  );
}
