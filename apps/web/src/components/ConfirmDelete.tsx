import { Button, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

/**
 * A delete button that asks first, in the user's language (the browser's own confirm box words
 * its buttons in the browser's language, not the user's, and cannot be styled right to left).
 */
export function ConfirmDelete({
  label,
  question,
  loading,
  onConfirm,
  testId,
}: {
  /** The button's accessible name, naming what goes. */
  label: string;
  question: string;
  loading?: boolean;
  onConfirm: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button
        variant="subtle"
        color="red"
        size="compact-sm"
        aria-label={label}
        loading={loading}
        data-testid={testId}
        onClick={open}
      >
        {t('common.delete')}
      </Button>
      <Modal opened={opened} onClose={close} title={label} centered>
        <Text size="sm">{question}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            data-testid="confirm-delete"
            onClick={() => {
              close();
              onConfirm();
            }}
          >
            {t('common.delete')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
