import { auditApi } from '@komek/domain';
import { Alert, Button, Code, Group, Stack, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { dateTimeFormat } from '../../components/date-time.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Pager } from '../../components/Pager.tsx';

const LIMIT = 50;

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [action, setAction] = useState('');
  const [offset, setOffset] = useState(0);
  // Verifying and taking a checkpoint are actions a person starts, so they run as mutations.
  const verifying = useApiMutation(auditApi.verify);
  const verify = verifying.data;
  const checkpoint = useApiMutation(auditApi.checkpoint, {
    onSuccess: (taken) => {
      const blob = new Blob([`${JSON.stringify(taken, null, 2)}\n`], { type: 'application/json' });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `komek-audit-checkpoint-${taken.chainSeq}.json`;
      link.click();
      URL.revokeObjectURL(link.href);
    },
  });
  const failure = verifying.error ?? checkpoint.error;
  const entries = useApiQuery(auditApi.list, {
    query: { limit: LIMIT, offset, action: action || undefined },
  });
  const when = dateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('audit.title')}</Title>
        <Button
          variant="light"
          data-testid="verify-chain"
          loading={verifying.isPending}
          onClick={() => verifying.mutate({})}
        >
          {t('audit.verify')}
        </Button>
        <Button
          variant="subtle"
          data-testid="download-checkpoint"
          title={t('audit.checkpointHint')}
          loading={checkpoint.isPending}
          onClick={() => checkpoint.mutate({})}
        >
          {t('audit.downloadCheckpoint')}
        </Button>
      </Group>
      {verify && (
        <Alert color={verify.ok ? 'green' : 'red'} data-testid="verify-result">
          {verify.ok
            ? t('audit.chainOk', { count: verify.checked })
            : verify.firstBrokenSeq === null
              ? t('audit.checkpointBroken')
              : t('audit.chainBroken', { seq: verify.firstBrokenSeq })}
        </Alert>
      )}
      <TextInput
        label={t('audit.filterAction')}
        placeholder="auth.login"
        maw={300}
        value={action}
        onChange={(e) => {
          setAction(e.currentTarget.value.trim());
          setOffset(0);
        }}
      />
      <ErrorAlert error={entries.error ?? failure} />
      <Table striped data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>{t('audit.at')}</Table.Th>
            <Table.Th>{t('audit.actor')}</Table.Th>
            <Table.Th>{t('audit.action')}</Table.Th>
            <Table.Th>{t('audit.entity')}</Table.Th>
            <Table.Th>{t('audit.ip')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.data?.items.map((e) => (
            <Table.Tr key={e.seq}>
              <Table.Td>{e.seq}</Table.Td>
              <Table.Td>{when.format(new Date(e.at))}</Table.Td>
              <Table.Td>{e.actorEmail ?? '—'}</Table.Td>
              <Table.Td>
                <Code>{e.action}</Code>
              </Table.Td>
              <Table.Td>{e.entityType ? `${e.entityType} ${e.entityId?.slice(0, 8) ?? ''}` : '—'}</Table.Td>
              <Table.Td>{e.ip ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {entries.data && (
        <Pager offset={offset} limit={LIMIT} total={entries.data.total} onChange={setOffset} />
      )}
    </Stack>
  );
}
