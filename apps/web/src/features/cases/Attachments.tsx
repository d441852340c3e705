import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, attachmentsApi } from '@komek/domain';
import { Anchor, Button, FileButton, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { urlOf } from '../../app/api.ts';
import { fileToBase64 } from '../../app/files.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

export function Attachments({ caseId, canUpload }: { caseId: string; canUpload: boolean }) {
  const { t } = useTranslation();
  const [tooBig, setTooBig] = useState<Error | null>(null);
  const params = { id: caseId };
  const list = useApiQuery(attachmentsApi.list, { params });
  const attach = useApiMutation(attachmentsApi.attach, { invalidates: [attachmentsApi.list] });
  const error = tooBig ?? attach.error ?? list.error;
  return (
    <Stack gap="xs">
      <Title order={4}>{t('cases.attachments')}</Title>
      <ErrorAlert error={error} />
      {list.data?.items.map((a) => (
        <Group key={a.id} gap="xs">
          <Anchor href={urlOf(attachmentsApi.read, { params: { id: caseId, attachmentId: a.id } })}>
            {a.filename}
          </Anchor>
          <Text size="xs" c="dimmed">
            <bdi>{(a.sizeBytes / 1024).toFixed(0)} KB</bdi> · <bdi>{a.createdAt.slice(0, 10)}</bdi>
          </Text>
        </Group>
      ))}
      {canUpload && (
        <Group>
          <FileButton
            accept={Object.keys(ATTACHMENT_TYPES).join(',')}
            onChange={async (file) => {
              if (!file) return;
              setTooBig(null);
              if (file.size > ATTACHMENT_MAX_BYTES) return setTooBig(new Error(t('cases.tooBig')));
              attach.mutate({
                params,
                // The server refuses a type it does not keep, in the user's language.
                body: {
                  filename: file.name,
                  mimeType: file.type as keyof typeof ATTACHMENT_TYPES,
                  contentBase64: await fileToBase64(file),
                },
              });
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
