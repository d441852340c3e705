/** The deep red the heat reaches at the busiest month; lighter mixes of it with white below. */
const RED = [139, 26, 26] as const;

/**
 * How much of the red a count gets, and the text colour that stays readable on it: black up to
 * 0.69, white from 0.7, where both keep 4.5:1 against the mix.
 */
export function heatOf(count: number, max: number) {
  const alpha = count === 0 || max === 0 ? 0 : 0.08 + 0.92 * (count / max);
  const mix = RED.map((c) => Math.round(255 + (c - 255) * alpha));
  return { background: `rgb(${mix.join(', ')})`, color: alpha >= 0.7 ? '#fff' : '#000' };
}
