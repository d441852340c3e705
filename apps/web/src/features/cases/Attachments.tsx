import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, type Attachment, attachmentsApi } from '@komek/domain';
import { Anchor, Button, FileButton, Group, Stack, Text, Title } from '@mantine/core';
import imageCompression from 'browser-image-compression';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from 'uuidv7';
import { urlOf } from '../../app/api.ts';
import { fileToBase64 } from '../../app/files.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { amend } from '../../offline/answers.ts';

/**
 * A document photographed on a phone: made smaller on the device before it is kept or sent, so
 * that it fits a slow network (in the page itself: the library's worker would load from outside).
 */
const shrinkPhoto = (file: File) =>
  imageCompression(file, {
    maxWidthOrHeight: 1600,
    maxSizeMB: 0.6,
    fileType: 'image/jpeg',
    useWebWorker: false,
  });

export function Attachments({ caseId, canUpload }: { caseId: string; canUpload: boolean }) {
  const { t } = useTranslation();
  const [tooBig, setTooBig] = useState<Error | null>(null);
  const params = { id: caseId };
  const listUrl = urlOf(attachmentsApi.list, { params });
  const list = useApiQuery(attachmentsApi.list, { params });
  const attach = useApiMutation(attachmentsApi.attach, {
    invalidates: [attachmentsApi.list],
    offline: {
      kind: 'attachment',
      title: ({ body }) => body.filename,
      local: async ({ body }, user) => {
        const kept: Attachment = {
          id: uuidv7(),
          filename: body.filename,
          mimeType: body.mimeType,
          sizeBytes: Math.floor((body.contentBase64.length * 3) / 4),
          createdAt: new Date().toISOString(),
          createdBy: user.id,
        };
        await amend<{ items: Attachment[] }>(listUrl, (old) => ({ items: [kept, ...(old?.items ?? [])] }));
        return kept;
      },
    },
  });
  const error = tooBig ?? attach.error ?? list.error;

  async function send(file: File | null, photo: boolean) {
    if (!file) return;
    setTooBig(null);
    const ready = photo ? await shrinkPhoto(file) : file;
    if (ready.size > ATTACHMENT_MAX_BYTES) return setTooBig(new Error(t('cases.tooBig')));
    const name = photo
      ? `${t('cases.photoName')}-${new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-')}.jpg`
      : file.name;
    attach.mutate({
      params,
      // The server refuses a type it does not keep, in the user's language.
      body: {
        filename: name,
        mimeType: ready.type as keyof typeof ATTACHMENT_TYPES,
        contentBase64: await fileToBase64(ready),
      },
    });
  }

  return (
    <Stack gap="xs">
      <Title order={4}>{t('cases.attachments')}</Title>
      <ErrorAlert error={error} />
      {list.data?.items.map((a) => (
        <Group key={a.id} gap="xs" data-testid="attachment">
          <Anchor href={urlOf(attachmentsApi.read, { params: { id: caseId, attachmentId: a.id } })}>
            {a.filename}
          </Anchor>
          <Text size="xs" c="dimmed">
            <bdi>{(a.sizeBytes / 1024).toFixed(0)} KB</bdi> · <bdi>{a.createdAt.slice(0, 10)}</bdi>
          </Text>
        </Group>
      ))}
      {canUpload && (
        <Group gap="xs">
          <FileButton accept="image/*" capture="environment" onChange={(file) => void send(file, true)}>
            {(props) => (
              <Button variant="light" {...props} data-testid="take-photo">
                {t('cases.takePhoto')}
              </Button>
            )}
          </FileButton>
          <FileButton
            accept={Object.keys(ATTACHMENT_TYPES).join(',')}
            onChange={(file) => void send(file, false)}
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
