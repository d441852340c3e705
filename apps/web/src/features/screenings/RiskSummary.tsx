import type { RiskResult } from '@komek/domain';
import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const riskColour = { high: 'red', medium: 'orange', low: 'gray' } as const;

/** The level a screening comes to, the rule that decided it, and every answer behind it. */
export function RiskSummary({ risk }: { risk: RiskResult }) {
  const { t } = useTranslation();
  return (
    <Alert
      color={riskColour[risk.level]}
      title={t('screening.riskTitle', { level: t(`enums.riskLevel.${risk.level}`) })}
      data-testid="screening-risk"
      data-level={risk.level}
    >
      <Text size="sm">{t(`screening.rules.${risk.rule}`)}</Text>
      {risk.reasons.length > 0 && (
        <List size="sm" mt={4}>
          {risk.reasons.map((r) => (
            <List.Item key={r.indicator}>
              {t(`screening.indicators.${r.indicator}`)} — {t('screening.weight', { n: r.weight })}
            </List.Item>
          ))}
        </List>
      )}
      {risk.unknown.length > 0 && (
        <Text size="xs" mt={4}>
          {t('screening.stillUnknown', { n: risk.unknown.length })}
        </Text>
      )}
    </Alert>
  );
}
