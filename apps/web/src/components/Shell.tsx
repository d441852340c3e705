import type { SessionUser } from '@komek/domain';
import { Anchor, AppShell, Burger, Group, NavLink, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Link, useRouterState } from '@tanstack/react-router';
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../app/session.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { PartialTranslationNotice } from './PartialTranslationNotice.tsx';
import { SignOutButton } from './SignOutButton.tsx';

const OutboxStatus = lazy(() => import('./OutboxStatus.tsx').then((m) => ({ default: m.OutboxStatus })));

export function Shell({ user, children }: { user: SessionUser; children: ReactNode }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const wide = useMediaQuery('(min-width: 48em)', true) ?? true;
  const path = useRouterState({ select: (s) => s.location.pathname });
  // On a phone the menu covers the page: a choice closes it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each change of page
  useEffect(() => close(), [path, close]);
  const items = [
    { to: '/', label: t('nav.home'), show: true },
    { to: '/intake', label: t('nav.intake'), show: can(user, 'intake.read') },
    { to: '/messenger', label: t('nav.messenger'), show: can(user, 'intake.read') },
    { to: '/help-content', label: t('nav.helpContent'), show: can(user, 'help.write') },
    { to: '/incidents', label: t('nav.incidents'), show: can(user, 'incident.read') },
    { to: '/assistance', label: t('nav.assistance'), show: can(user, 'assistance.read') },
    {
      to: '/screenings',
      label: t('nav.screenings'),
      show: can(user, 'screening.record') || can(user, 'case.read_restricted'),
    },
    { to: '/checkpoints', label: t('nav.checkpoints'), show: can(user, 'monitoring.read') },
    { to: '/border-projects', label: t('nav.borderProjects'), show: can(user, 'monitoring.read') },
    { to: '/persons', label: t('nav.persons'), show: can(user, 'person.read') },
    { to: '/cases', label: t('nav.cases'), show: can(user, 'case.read') },
    { to: '/lists', label: t('nav.lists'), show: can(user, 'person.manage') },
    { to: '/deadlines', label: t('nav.deadlines'), show: can(user, 'case.read') },
    { to: '/referrals', label: t('nav.referrals'), show: can(user, 'referral.read') },
    { to: '/services', label: t('nav.services'), show: can(user, 'service.read') },
    { to: '/activities', label: t('nav.activities'), show: can(user, 'activity.record') },
    { to: '/results', label: t('nav.results'), show: can(user, 'results.read') },
    { to: '/procedure-templates', label: t('nav.procedureTemplates'), show: can(user, 'case.read') },
    { to: '/users', label: t('nav.users'), show: can(user, 'user.read') },
    { to: '/organisations', label: t('nav.organisations'), show: can(user, 'organisation.read') },
    { to: '/audit', label: t('nav.audit'), show: can(user, 'audit.read') },
    { to: '/backups', label: t('nav.backups'), show: can(user, 'backup.manage') },
    { to: '/outbox', label: t('nav.outbox'), show: true },
    { to: '/account', label: t('nav.account'), show: true },
  ].filter((i) => i.show);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="md"
              aria-label={t(opened ? 'nav.closeMenu' : 'nav.openMenu')}
              aria-expanded={opened}
            />
            <Title order={4}>{t('app.name')}</Title>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {user.orgName}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" data-testid="current-user" visibleFrom="md">
              {user.displayName}
            </Text>
            <Suspense>
              <OutboxStatus />
            </Suspense>
            <NotificationBell />
            {wide && <LanguageSwitch signedIn />}
            {wide && <SignOutButton />}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        {/* A phone's menu can be longer than its screen: it scrolls, so signing out stays reachable. */}
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={2}>
            {items.map((item) => (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={item.label}
                active={item.to === '/' ? path === '/' : path.startsWith(item.to)}
              />
            ))}
            <Anchor href="/api/docs" target="_blank" size="sm" px="sm" mt="md">
              {t('nav.apiDocs')}
            </Anchor>
            {!wide && (
              // On a phone the header has no room: who is signed in, the language and signing out
              // live in the menu.
              <Stack gap="xs" px="sm" mt="md">
                <Text size="sm">{user.displayName}</Text>
                <LanguageSwitch signedIn />
                <SignOutButton />
              </Stack>
            )}
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Stack gap="md">
          <PartialTranslationNotice />
          {children}
        </Stack>
      </AppShell.Main>
    </AppShell>
  );
}
