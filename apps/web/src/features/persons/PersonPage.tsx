import { CASE_PRIORITIES, type Case, LEGAL_PROBLEMS, type Person, zCaseInput } from '@komek/domain';
import {
  Badge,
  Button,
  Group,
  Modal,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, fieldErrors } from '../../app/api.ts';
import { validateWith } from '../../app/validate.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { CaseLink } from '../../components/RecordLinks.tsx';

function OpenCaseForm({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [problems, setProblems] = useState<string[]>([]);
  const [priority, setPriority] = useState('normal');
  const [summary, setSummary] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <Stack>
      <MultiSelect
        searchable
        label={t('cases.problems')}
        data={enumOptions(t, 'problem', LEGAL_PROBLEMS)}
        value={problems}
        error={errors.problems}
        onChange={(v) => {
          setProblems(v);
          if (v.includes('deportation_extradition_refoulement')) setPriority('emergency');
        }}
        data-testid="case-problems"
      />
      <Select
        label={t('cases.priority')}
        data={enumOptions(t, 'priority', CASE_PRIORITIES)}
        value={priority}
        allowDeselect={false}
        onChange={(v) => v && setPriority(v)}
      />
      <Textarea
        label={t('cases.summary')}
        value={summary}
        onChange={(e) => setSummary(e.currentTarget.value)}
        autosize
        minRows={3}
      />
      <Group justify="flex-end">
        <Button
          data-testid="open-case-submit"
          onClick={async () => {
            const checked = validateWith(zCaseInput, {
              personIds: [personId],
              problems,
              priority,
              summary: summary || null,
            });
            if (checked.errors) return setErrors(checked.errors);
            try {
              const c = await api<Case>('/cases', { method: 'POST', body: checked.data });
              await navigate({ to: '/cases/$caseId', params: { caseId: c.id } });
            } catch (e) {
              setErrors(fieldErrors(e));
            }
          }}
        >
          {t('persons.openCase')}
        </Button>
      </Group>
    </Stack>
  );
}

export function PersonPage() {
  const { t } = useTranslation();
  const { personId } = useParams({ strict: false }) as { personId: string };
  const [opening, setOpening] = useState(false);
  const person = useQuery({
    queryKey: ['person', personId],
    queryFn: () => api<Person>(`/persons/${personId}`),
  });
  const cases = useQuery({
    queryKey: ['person-cases', personId],
    queryFn: () =>
      api<{ openCases: Case[] }>('/cases/precheck', { method: 'POST', body: { personIds: [personId] } }),
  });
  if (person.error) return <ErrorAlert error={person.error} />;
  const p = person.data;
  if (!p) return null;
  const row = (label: string, value: string | null) => (
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
        <Button onClick={() => setOpening(true)} data-testid="open-case">
          {t('persons.openCase')}
        </Button>
      </Group>
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
            p.birthDate
              ? `${p.birthDate}${p.age !== null ? ` (${t('persons.age', { age: p.age })})` : ''}`
              : null,
          )}
          {row(t('persons.phone'), p.phone)}
          {row(t('persons.district'), p.districtId)}
          {row(t('persons.address'), p.address)}
        </SimpleGrid>
      </Paper>
      <Title order={4}>{t('persons.cases')}</Title>
      <Table>
        <Table.Tbody>
          {cases.data?.openCases.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <CaseLink id={c.id}>{c.caseNumber}</CaseLink>
              </Table.Td>
              <Table.Td>{t(`enums.status.${c.status}`)}</Table.Td>
              <Table.Td>{c.problems.map((x) => t(`enums.problem.${x}`)).join(', ')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={opening} onClose={() => setOpening(false)} title={t('persons.openCase')} size="lg">
        <OpenCaseForm personId={p.id} />
      </Modal>
    </Stack>
  );
}
