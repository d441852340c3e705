import {
  createTheme,
  darken,
  defaultVariantColorsResolver,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';

/**
 * Light, subtle and outline variants with text dark enough to read on their pale backgrounds
 * (WCAG AA, 4.5:1); Mantine's own put teal-6 on teal-1, about 2.5:1.
 */
const readableVariants: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  const shades = parsed.isThemeColor ? input.theme.colors[parsed.color] : undefined;
  if (!shades) return colors;
  const ink = darken(shades[9], 0.35);
  if (input.variant === 'light') return { ...colors, background: shades[0], hover: shades[1], color: ink };
  if (input.variant === 'subtle' || input.variant === 'transparent') return { ...colors, color: ink };
  if (input.variant === 'outline') return { ...colors, color: ink, border: `1px solid ${shades[9]}` };
  return colors;
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
