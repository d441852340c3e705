import { SegmentedControl, type SegmentedControlProps } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/**
 * A few choices side by side, stacked one under another on a phone: in Kyrgyz or Russian four
 * answers ("Жарым-жартылай", "Байкалган жок") are wider than a 390-px screen.
 */
export function Choices(props: SegmentedControlProps) {
  const narrow = useMediaQuery('(max-width: 36em)', false) ?? false;
  return <SegmentedControl {...props} orientation={narrow ? 'vertical' : 'horizontal'} fullWidth={narrow} />;
}
