import { personsApi } from '@komek/domain';
import { Alert, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/hooks.ts';
import { can, useSession } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { languageName } from '../../components/language-options.ts';
import { PersonLink } from '../../components/RecordLinks.tsx';
import { useDistricts } from '../../components/useDistricts.ts';
import { PersonAssistance } from '../assistance/PersonAssistance.tsx';
import { HouseholdPanel } from './HouseholdPanel.tsx';
import { MergeDialog } from './MergeDialog.tsx';
import { OpenCaseForm } from './OpenCaseForm.tsx';
import { PersonCases, PersonConsents, PersonDocuments } from './PersonRecords.tsx';

export function PersonPage() {
  const { t, i18n } = useTranslation();
  const { personId } = useParams({ strict: false }) as { personId: string };
  const [opening, setOpening] = useState(false);
  const [merging, setMerging] = useState(false);
  const { data: session } = useSession();
  const districts = useDistricts();
  const person = useApiQuery(personsApi.get, { params: { id: personId } });

  if (person.error) return <ErrorAlert error={person.error} />;
  const p = person.data;
  if (!p) return null;
  const row = (label: string, value: ReactNode) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text>{value || '—'}</Text>
    </div>
  );
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} data-testid="person-name">
          {p.familyName} {p.givenName} {p.patronymic ?? ''}
        </Title>
        <Group gap="xs">
          {can(session?.user, 'person.merge') && !p.mergedInto && (
            <Button variant="default" onClick={() => setMerging(true)} data-testid="merge">
              {t('persons.merge')}
            </Button>
          )}
          <Button component={Link} to={`/persons/${p.id}/edit`} variant="default" data-testid="edit-person">
            {t('common.edit')}
          </Button>
          {can(session?.user, 'screening.record') && !p.mergedInto && (
            <Button
              component={Link}
              to={`/persons/${p.id}/screening`}
              variant="light"
              color="grape"
              data-testid="screen-person"
            >
              {t('screening.start')}
            </Button>
          )}
          <Button onClick={() => setOpening(true)} data-testid="open-case">
            {t('persons.openCase')}
          </Button>
        </Group>
      </Group>
      {p.mergedInto && (
        <Alert color="gray">
          <PersonLink id={p.mergedInto}>{t('persons.mergedInto')}</PersonLink>
        </Alert>
      )}
      <Group gap="xs">
        <Badge>{t(`enums.nationalityStatus.${p.nationalityStatus}`)}</Badge>
        <Badge variant="outline">{t(`enums.populationType.${p.populationType}`)}</Badge>
        {p.hasDisability && <Badge color="grape">WG</Badge>}
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {row(t('persons.latinName'), p.latinName)}
          {row(t('persons.sex'), t(`enums.sex.${p.sex}`))}
          {row(
            t('persons.born'),
            p.birthDate ? (
              <>
                <bdi>{p.birthDate}</bdi>
                {p.age !== null ? ` (${t('persons.age', { age: p.age })})` : ''}
              </>
            ) : null,
          )}
          {row(t('persons.phone'), p.phone && <bdi>{p.phone}</bdi>)}
          {row(t('persons.district'), p.districtId && districts.nameOf(p.districtId))}
          {row(t('persons.address'), p.address)}
          {row(t('persons.placeOfBirth'), p.placeOfBirth)}
          {row(t('persons.aliases'), p.aliases.join(', '))}
          {row(
            t('persons.languages'),
            p.languages.map((code) => languageName(code, i18n.language)).join(', '),
          )}
          {row(
            t('persons.specificNeeds'),
            p.specificNeeds.map((n) => t(`enums.specificNeed.${n}`)).join(', '),
          )}
        </SimpleGrid>
      </Paper>
      <PersonCases personId={p.id} />
      <HouseholdPanel person={p} canManage={can(session?.user, 'person.manage')} />
      {can(session?.user, 'assistance.read') && (
        <PersonAssistance personId={p.id} householdId={p.householdId} />
      )}
      <PersonDocuments person={p} />
      <PersonConsents person={p} />
      <Modal opened={merging} onClose={() => setMerging(false)} title={t('persons.merge')} size="xl">
        {merging && <MergeDialog target={p} onDone={() => setMerging(false)} />}
      </Modal>
      <Modal opened={opening} onClose={() => setOpening(false)} title={t('persons.openCase')} size="lg">
        <OpenCaseForm personId={p.id} />
      </Modal>
    </Stack>
  );
}
