import { type ListRow, listsApi, type PersonSummary } from '@komek/domain';
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PersonLink } from '../../components/RecordLinks.tsx';
import { MatchFindings } from '../persons/MatchFindings.tsx';

function Side({ title, name, lines }: { title: string; name: React.ReactNode; lines: Array<string | null> }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {title}
      </Text>
      <Text fw={600}>{name}</Text>
      {lines
        .filter((l): l is string => Boolean(l))
        .map((l) => (
          <Text key={l} size="sm">
            <bdi>{l}</bdi>
          </Text>
        ))}
    </Stack>
  );
}

const personName = (p: PersonSummary) => `${p.familyName} ${p.givenName} ${p.patronymic ?? ''}`.trim();

/**
 * The pairs the model was unsure of, one by one: the list's row beside the registered person,
 * what each field showed with its weight, and a person's verdict, kept and learnt from.
 */
export function ReviewQueue({
  listId,
  rows,
  canDecide,
}: {
  listId: string;
  rows: ListRow[];
  canDecide: boolean;
}) {
  const { t } = useTranslation();
  const review = useApiMutation(listsApi.reviewRow, { invalidates: [listsApi.rows, listsApi.list] });
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('lists.review.empty')}
      </Text>
    );
  return (
    <Stack gap="xs" data-testid="review-queue">
      <ErrorAlert error={review.error} />
      {rows.map((r) => (
        <Paper key={r.id} withBorder p="sm" data-testid="review-pair">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Side
              title={`${t('lists.review.inList')} · ${r.externalId}`}
              name={`${r.record.lastName} ${r.record.firstName} ${r.record.patronymic ?? ''}`.trim()}
              lines={[r.record.dateOfBirth, r.record.sex]}
            />
            {r.person ? (
              <Side
                title={t('lists.register')}
                name={<PersonLink id={r.person.id}>{personName(r.person)}</PersonLink>}
                lines={[r.person.birthDate, t(`enums.sex.${r.person.sex}`)]}
              />
            ) : (
              <Text size="sm" c="dimmed">
                {t('lists.review.hidden')}
              </Text>
            )}
          </SimpleGrid>
          {r.findings && <MatchFindings findings={r.findings} />}
          <Group justify="space-between" mt="xs">
            <Badge variant="light" color="yellow">
              {t('lists.review.probability', { percent: Math.round((r.score ?? 0) * 100) })}
            </Badge>
            {canDecide && (
              <Group gap="xs">
                <Button
                  size="xs"
                  color="teal"
                  data-testid="review-confirm"
                  loading={review.isPending && review.variables?.params.rowId === r.id}
                  onClick={() =>
                    review.mutate({ params: { id: listId, rowId: r.id }, body: { verdict: 'confirmed' } })
                  }
                >
                  {t('lists.review.confirm')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  data-testid="review-reject"
                  onClick={() =>
                    review.mutate({ params: { id: listId, rowId: r.id }, body: { verdict: 'rejected' } })
                  }
                >
                  {t('lists.review.reject')}
                </Button>
              </Group>
            )}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
