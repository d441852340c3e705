import {
  type CSSVariablesResolver,
  createTheme,
  darken,
  defaultVariantColorsResolver,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';

/** Text on a colour's palest shades: its darkest shade, darkened further (WCAG AA, 4.5:1). */
const ink = (shades: readonly string[]) => darken(shades[9]!, 0.35);

/**
 * Readable colours in one place, as the variables every component reads: secondary text in
 * gray-7 rather than gray-6 (3.3:1); each colour's light variant (active menu entries, light
 * badges and buttons, and the subtle variant's text) pale behind and dark in front — Mantine's own
 * put teal-6 on teal-1, about 2.5:1.
 */
export const readableColours: CSSVariablesResolver = (t) => ({
  variables: {},
  light: Object.fromEntries([
    ['--mantine-color-dimmed', 'var(--mantine-color-gray-7)'],
    ...Object.entries(t.colors).flatMap(([name, shades]) => [
      [`--mantine-color-${name}-light`, `var(--mantine-color-${name}-0)`],
      [`--mantine-color-${name}-light-hover`, `var(--mantine-color-${name}-1)`],
      [`--mantine-color-${name}-light-color`, ink(shades)],
    ]),
  ]),
  dark: {},
});

/** Outline variants: the light colour's ink inside the darkest shade's border. */
const readableVariants: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  const shades = parsed.isThemeColor ? input.theme.colors[parsed.color] : undefined;
  if (!shades || input.variant !== 'outline') return colors;
  return { ...colors, color: ink(shades), border: `1px solid ${shades[9]}` };
};

export const theme = createTheme({
  primaryColor: 'teal',
  // The darkest shade for filled buttons and links: teal-6 under white text reads at 2.5:1.
  primaryShade: 9,
  // White or black text on a filled colour, whichever reads better: the crossing point of the
  // two contrasts is a luminance of about 0.18.
  autoContrast: true,
  luminanceThreshold: 0.18,
  variantColorResolver: readableVariants,
  fontFamily: 'system-ui, "Noto Sans", "Noto Sans Arabic", "DejaVu Sans", sans-serif',
});
