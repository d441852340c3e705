import { RangeSlider, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const YEARS_BACK = 10;
const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
const firstOf = (index: number) =>
  `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
/** This month's index and the one ten years before: the slider's ends. */
const span = () => {
  const now = monthIndex(new Date().toISOString());
  return { now, min: now - YEARS_BACK * 12 };
};
const clamp = (n: number) => {
  const { now, min } = span();
  return Math.min(now, Math.max(min, n));
};
const lastOf = (index: number) =>
  new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0)).toISOString().slice(0, 10);

/**
 * A slider over the last ten years, a month a step: drag its ends and the map, the trend and the
 * list follow when it is let go. The date fields above say the same window to the day.
 */
export function TimeWindow({
  from,
  to,
  onChange,
}: {
  from: string;
  to: string;
  onChange: (window: { from: string; to: string }) => void;
}) {
  const { t, i18n } = useTranslation();
  const { now, min } = span();
  const [value, setValue] = useState<[number, number]>([clamp(monthIndex(from)), clamp(monthIndex(to))]);
  useEffect(() => setValue([clamp(monthIndex(from)), clamp(monthIndex(to))]), [from, to]);
  const month = (index: number) =>
    new Intl.DateTimeFormat(i18n.language, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(
      new Date(Date.UTC(Math.floor(index / 12), index % 12, 1)),
    );
  // Inset so the end marks' years stay inside a phone's width.
  return (
    <Stack gap={4} px="md">
      <Text size="sm" fw={500} id="incident-window">
        {t('incidents.window')}
      </Text>
      <RangeSlider
        min={min}
        max={now}
        step={1}
        minRange={0}
        value={value}
        onChange={setValue}
        onChangeEnd={([a, b]) =>
          onChange({ from: firstOf(a), to: b >= now ? new Date().toISOString().slice(0, 10) : lastOf(b) })
        }
        label={month}
        thumbFromLabel={t('incidents.from')}
        thumbToLabel={t('incidents.to')}
        marks={Array.from({ length: YEARS_BACK + 1 }, (_, i) => ({
          value: now - (YEARS_BACK - i) * 12,
          label: String(Math.floor((now - (YEARS_BACK - i) * 12) / 12)),
        }))}
        mb="lg"
        data-testid="incident-time-slider"
      />
    </Stack>
  );
}
