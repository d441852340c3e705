import { BORDER_SEGMENTS, type BorderSegment } from '@komek/domain';

/** "Kyrgyzstan – Tajikistan" in the reader's language, from the segment's two country codes. */
export function segmentName(segment: string, language: string): string {
  const names = new Intl.DisplayNames([language, 'ru', 'en'], { type: 'region' });
  return segment
    .split('-')
    .map((code) => names.of(code) ?? code)
    .join(' – ');
}

export const segmentOptions = (language: string) =>
  BORDER_SEGMENTS.map((value: BorderSegment) => ({ value, label: segmentName(value, language) }));
