import { assistanceApi } from '@komek/domain';
import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { assistanceColour } from './AssistancePage.tsx';
import { money } from './money.ts';

/** The help a person was given or asked for, on their page: to them, and to their household. */
export function PersonAssistance({
  personId,
  householdId,
}: {
  personId: string;
  householdId: string | null;
}) {
  const { t, i18n } = useTranslation();
  const own = useApiQuery(assistanceApi.list, { query: { personId } });
  const family = useApiQuery(
    assistanceApi.list,
    { query: { householdId: householdId ?? '' } },
    { enabled: !!householdId },
  );
  const items = [...(own.data?.items ?? []), ...(householdId ? (family.data?.items ?? []) : [])];
  if (items.length === 0) return <ErrorAlert error={own.error ?? family.error} />;
  return (
    <Stack gap={4} data-testid="person-assistance">
      <Title order={4}>{t('assistance.title')}</Title>
      {items.map((a) => (
        <Group key={a.id} gap="xs">
          <Anchor
            size="sm"
            renderRoot={(props) => (
              <Link {...props} to="/assistance/$assistanceId" params={{ assistanceId: a.id }} />
            )}
          >
            <bdi>{a.reference}</bdi>
          </Anchor>
          <Text size="sm">
            {t(`enums.assistanceKind.${a.kind}`)} · {t(`enums.assistancePurpose.${a.purpose}`)} ·{' '}
            <bdi>{money(i18n.language, a.amount, a.currency)}</bdi>
            {a.householdId && ` · ${t('assistance.household')}`}
          </Text>
          <Badge color={assistanceColour[a.status]}>{t(`enums.assistanceStatus.${a.status}`)}</Badge>
        </Group>
      ))}
    </Stack>
  );
}
