import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The foot of a form: Cancel (when it can be left) and its submit button, saving while busy. */
export function FormActions({
  busy,
  onCancel,
  submitLabel,
  testId,
}: {
  busy: boolean;
  onCancel?: () => void;
  submitLabel?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      {onCancel && (
        <Button variant="subtle" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      )}
      <Button type="submit" loading={busy} data-testid={testId}>
        {submitLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}
