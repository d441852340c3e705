import { Anchor, Button, Group, Progress, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

interface Run {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  error: string | null;
  format: 'xlsx' | 'pdf';
}

/** Starts a report on the server and follows its progress until the file can be downloaded. */
export function ReportExport({ year }: { year: number }) {
  const { t } = useTranslation();
  const [run, setRun] = useState<Run | null>(null);
  const [error, setError] = useState<unknown>(null);
  const start = async (format: 'xlsx' | 'pdf') => {
    setError(null);
    try {
      let current = await api<Run>('/results/reports', { method: 'POST', body: { year, format } });
      setRun(current);
      while (current.status === 'queued' || current.status === 'running') {
        await new Promise((r) => setTimeout(r, 500));
        current = await api<Run>(`/results/reports/${current.id}`);
        setRun(current);
      }
    } catch (e) {
      setError(e);
    }
  };
  const busy = run?.status === 'queued' || run?.status === 'running';
  return (
    <Group align="center">
      <Button variant="light" disabled={busy} onClick={() => start('xlsx')} data-testid="report-xlsx">
        {t('results.reportXlsx')}
      </Button>
      <Button variant="light" disabled={busy} onClick={() => start('pdf')} data-testid="report-pdf">
        {t('results.reportPdf')}
      </Button>
      {run && run.status !== 'done' && run.status !== 'failed' && (
        <Progress value={run.progress} w={200} animated data-testid="report-progress" />
      )}
      {run?.status === 'done' && (
        <Anchor href={`/api/results/reports/${run.id}/file`} data-testid="report-download">
          {t('results.download', { format: run.format.toUpperCase() })}
        </Anchor>
      )}
      {run?.status === 'failed' && <Text c="red">{run.error}</Text>}
      <ErrorAlert error={error} />
    </Group>
  );
}
