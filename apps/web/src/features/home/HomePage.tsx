import type { SessionUser } from '@komek/domain';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function HomePage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2} data-testid="welcome">
        {t('home.welcome', { name: user.displayName })}
      </Title>
      <Paper withBorder p="md">
        <Text>{t('home.signedInAs', { role: t(`roles.${user.role}`), org: user.orgName })}</Text>
        <Text c="dimmed" size="sm" mt="xs">
          {t('home.modules')}
        </Text>
      </Paper>
    </Stack>
  );
}
