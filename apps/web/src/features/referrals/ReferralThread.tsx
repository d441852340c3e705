import { type Referral, referralsApi, type SessionUser, zReferralMessage } from '@komek/domain';
import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSchemaForm } from '../../app/form.ts';
import { useApiMutation } from '../../app/hooks.ts';
import { can } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LengthHint } from '../../components/LengthHint.tsx';

/**
 * The two sides of a referral write to each other here. The server refuses a sender's message that
 * carries a detail the referral does not share; the hint says so before anyone types.
 */
export function ReferralThread({ referral: r, user }: { referral: Referral; user: SessionUser }) {
  const { t } = useTranslation();
  const messages = (r.events ?? []).filter((e) => e.kind === 'message');
  const { form, onSubmit, showServerErrors } = useSchemaForm(zReferralMessage, { body: '' });
  const send = useApiMutation(referralsApi.message, {
    invalidates: [referralsApi.get],
    onSuccess: () => form.reset(),
  });
  const mayWrite =
    r.status !== 'revoked' && can(user, r.side === 'receiver' ? 'referral.respond' : 'referral.send');
  const shared = r.sharedFields.map((f) => t(`enums.shareField.${f}`)).join(', ');
  return (
    <Stack gap="xs" data-testid="referral-thread">
      <Title order={4}>{t('referrals.messages')}</Title>
      {messages.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('referrals.noMessages')}
        </Text>
      )}
      {messages.map((m) => {
        const ours = m.orgName === (r.side === 'sender' ? r.fromOrg.name : r.toOrg.name);
        return (
          <Paper
            key={m.id}
            withBorder
            p="xs"
            maw="85%"
            ms={ours ? 'auto' : undefined}
            bg={ours ? 'var(--mantine-color-teal-light)' : undefined}
            data-testid="referral-message"
          >
            <Text size="xs" c="dimmed">
              <bdi>{m.at.slice(0, 16).replace('T', ' ')}</bdi> ·{' '}
              {[m.byName, m.orgName].filter(Boolean).join(', ')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              <bdi>{m.note}</bdi>
            </Text>
          </Paper>
        );
      })}
      <ErrorAlert error={send.error} />
      {mayWrite && (
        <form
          noValidate
          data-testid="referral-message-form"
          onSubmit={onSubmit((body) =>
            send.mutate({ params: { id: r.id }, body }, { onError: showServerErrors }),
          )}
        >
          <Stack gap={4}>
            <Textarea
              label={t('referrals.writeMessage')}
              description={
                r.side === 'sender'
                  ? t('referrals.messageHintSender', { shared: shared || t('referrals.minimumShared') })
                  : t('referrals.messageHintReceiver')
              }
              autosize
              minRows={2}
              {...form.getInputProps('body')}
            />
            <LengthHint value={form.values.body} max={zReferralMessage.shape.body.maxLength} />
            <Group>
              <Button type="submit" variant="light" loading={send.isPending}>
                {t('referrals.sendMessage')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
