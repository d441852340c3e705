import type { MatchFinding } from '@komek/domain';
import { Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const signed = (bits: number) => `${bits >= 0 ? '+' : '−'}${Math.abs(bits).toFixed(1)}`;

/**
 * What each field showed when two records were compared, with its weight: green for the same
 * person, red against. The same findings `komek link --explain` writes, in the reader's language.
 */
export function MatchFindings({ findings }: { findings: MatchFinding[] }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('persons.match.weights')} multiline w={260}>
      <Group gap={6} wrap="wrap" data-testid="match-findings">
        {findings.map((f) => (
          <Text
            key={f.field}
            span
            size="xs"
            c={f.bits > 0.05 ? 'teal.9' : f.bits < -0.05 ? 'red.9' : 'gray.7'}
          >
            {t(`persons.match.fields.${f.field}`)}: {t(`persons.match.outcomes.${f.outcome}`)}{' '}
            <bdi dir="ltr">{signed(f.bits)}</bdi>
          </Text>
        ))}
      </Group>
    </Tooltip>
  );
}
