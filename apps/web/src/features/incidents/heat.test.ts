import { describe, expect, it } from 'vitest';
import { heatOf } from './heat.ts';

const luminance = (rgb: number[]) => {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrast = (a: number[], b: number[]) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('the segment heat', () => {
  it('keeps every count readable (4.5:1) from an empty month to the busiest, and darkens with the count', () => {
    const max = 37;
    let previous = Number.POSITIVE_INFINITY;
    for (let n = 0; n <= max; n++) {
      const { background, color } = heatOf(n, max);
      const bg = background.match(/\d+/g)!.map(Number);
      const fg = color === '#fff' ? [255, 255, 255] : [0, 0, 0];
      expect(contrast(bg, fg), `${n}: ${background} ${color}`).toBeGreaterThanOrEqual(4.5);
      expect(luminance(bg)).toBeLessThanOrEqual(previous);
      previous = luminance(bg);
    }
    expect(heatOf(0, max).background).toBe('rgb(255, 255, 255)');
    expect(heatOf(max, max)).toEqual({ background: 'rgb(139, 26, 26)', color: '#fff' });
  });
});
