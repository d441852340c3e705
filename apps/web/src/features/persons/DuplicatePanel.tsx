import { personsApi } from '@komek/domain';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isOffline } from '../../app/api.ts';
import { useApiQuery } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PersonLink } from '../../components/RecordLinks.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { useOnline } from '../../offline/hooks.ts';
import { localDuplicates } from '../../offline/local-duplicates.ts';
import { MatchFindings } from './MatchFindings.tsx';

/** Shown beside the registration form: people already registered who may be the same person. */
export function DuplicatePanel(props: {
  givenName: string;
  familyName: string;
  birthDate: string;
  onPick?: { label: string; pick: (personId: string) => void };
}) {
  const { t } = useTranslation();
  const query = useDebounced(props, 400);
  const validDate = /^\d{4}(-\d{2}(-\d{2})?)?$/.test(query.birthDate) ? query.birthDate : undefined;
  const enough = (query.givenName + query.familyName).trim().length >= 3;
  const body = { givenName: query.givenName, familyName: query.familyName, birthDate: validDate };
  const online = useOnline();
  const server = useApiQuery(personsApi.duplicates, { body }, { enabled: enough && online });
  // Offline the same check runs on the device, among the people kept there.
  const onDevice = !online || isOffline(server.error);
  const local = useQuery({
    queryKey: ['device-duplicates', body],
    queryFn: () => localDuplicates(body),
    enabled: enough && onDevice,
  });
  const candidates = onDevice ? local : server;
  if (!enough) return null;
  return (
    <Paper withBorder p="sm" data-testid="duplicates">
      <Stack gap="xs">
        <Title order={5}>{t('persons.duplicates')}</Title>
        {onDevice && (
          <Text size="xs" c="dimmed" data-testid="duplicates-on-device">
            {t('offline.duplicatesOnDevice')}
          </Text>
        )}
        <ErrorAlert error={candidates.error} />
        {candidates.data?.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('persons.noDuplicates')}
          </Text>
        )}
        {candidates.data?.items.map((c) => (
          <Stack key={c.person.id} gap={2}>
            <Group gap="xs">
              <PersonLink id={c.person.id}>
                {c.person.familyName} {c.person.givenName} {c.person.patronymic ?? ''}
              </PersonLink>
              <Badge color={c.score >= 0.8 ? 'red' : 'yellow'}>{Math.round(c.score * 100)}%</Badge>
              {props.onPick && (
                <Button
                  size="compact-xs"
                  variant="light"
                  data-testid="pick-duplicate"
                  onClick={() => props.onPick?.pick(c.person.id)}
                >
                  {props.onPick.label}
                </Button>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              <bdi>{c.person.birthDate ?? '—'}</bdi>
            </Text>
            <MatchFindings findings={c.findings} />
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
