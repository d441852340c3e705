import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from '@komek/domain';
import { Anchor, Button, FileButton, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { fileToBase64 } from '../../app/files.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

interface Attachment {
  id: string;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  createdAt: string;
}

export function Attachments({ caseId, canUpload }: { caseId: string; canUpload: boolean }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const list = useQuery({
    queryKey: ['attachments', caseId],
    queryFn: () => api<{ items: Attachment[] }>(`/cases/${caseId}/attachments`),
  });
  return (
    <Stack gap="xs">
      <Title order={4}>{t('cases.attachments')}</Title>
      <ErrorAlert error={error} />
      {list.data?.items.map((a) => (
        <Group key={a.id} gap="xs">
          <Anchor href={`/api/cases/${caseId}/attachments/${a.id}`}>{a.filename}</Anchor>
          <Text size="xs" c="dimmed">
            {(a.sizeBytes / 1024).toFixed(0)} KB · {a.createdAt.slice(0, 10)}
          </Text>
        </Group>
      ))}
      {canUpload && (
        <Group>
          <FileButton
            accept={Object.keys(ATTACHMENT_TYPES).join(',')}
            onChange={async (file) => {
              if (!file) return;
              setError(null);
              if (file.size > ATTACHMENT_MAX_BYTES) return setError(new Error(t('cases.tooBig')));
              try {
                await api(`/cases/${caseId}/attachments`, {
                  method: 'POST',
                  body: { filename: file.name, mimeType: file.type, contentBase64: await fileToBase64(file) },
                });
                await list.refetch();
              } catch (e) {
                setError(e);
              }
            }}
          >
            {(props) => (
              <Button variant="light" {...props}>
                {t('cases.attach')}
              </Button>
            )}
          </FileButton>
        </Group>
      )}
    </Stack>
  );
}
