import {
  CASE_PRIORITIES,
  type Case,
  casesApi,
  grantedScope,
  LEGAL_PROBLEMS,
  type SessionUser,
  usersApi,
  zCaseUpdate,
} from '@komek/domain';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSchemaForm } from '../../app/form.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { can } from '../../app/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { LengthHint } from '../../components/LengthHint.tsx';

const CASE_VIEWS = [casesApi.get, casesApi.activity, casesApi.list, casesApi.caseload];
const UNASSIGNED = '';

/**
 * A case's legal problems, priority, summary and who carries it. Whoever may see the staff
 * (a supervisor, an administrator) assigns it to anyone who may hold it; the server refuses an
 * assignee who may not, and a version another user saved meanwhile (409, both versions).
 */
export function CaseEditor({ c, me, onDone }: { c: Case; me: SessionUser; onDone: () => void }) {
  const { t } = useTranslation();
  const seesStaff = can(me, 'user.read');
  const staff = useApiQuery(usersApi.list, { query: { limit: 200 } }, { enabled: seesStaff });
  const schema = useSchemaForm(zCaseUpdate, {
    version: c.version,
    problems: c.problems,
    priority: c.priority,
    summary: c.summary ?? '',
    assignedTo: c.assignedTo,
    restricted: c.restricted,
  });
  const { form } = schema;
  const [conflict, setConflict] = useState(false);
  const client = useQueryClient();
  const update = useApiMutation(casesApi.update, {
    invalidates: CASE_VIEWS,
    onSuccess: onDone,
    onError: (e) => {
      schema.showServerErrors(e);
      // Someone saved meanwhile: their version comes onto the page above, mine stays in the form.
      if (e.status === 409) {
        setConflict(true);
        void client.invalidateQueries({ queryKey: [casesApi.get.path] });
      }
    },
  });
  const submit = schema.onSubmit((body) =>
    update.mutate({ params: { id: c.id }, body: { ...body, summary: body.summary || null } }),
  );
  // Mine over theirs: the same form sent again on top of the version now on the page.
  const keepMine = () => {
    form.setFieldValue('version', c.version);
    setConflict(false);
    submit();
  };
  // Whoever the permission table lets hold a case.
  const assignable = (staff.data?.items ?? []).filter(
    (u) => !u.disabled && grantedScope(u.role, u.platformAdmin, 'case.manage') !== null,
  );
  const options = [
    { value: UNASSIGNED, label: t('cases.unassigned') },
    ...assignable.map((u) => ({ value: u.id, label: u.displayName })),
  ];
  // The current assignee stays choosable even when the list does not reach them.
  if (c.assignedTo && !options.some((o) => o.value === c.assignedTo))
    options.push({ value: c.assignedTo, label: c.assignedName ?? '—' });
  return (
    <Paper withBorder p="md" data-testid="case-editor">
      <form noValidate onSubmit={submit}>
        <Stack gap="xs">
          {conflict ? (
            <Alert color="orange" data-testid="case-conflict">
              <Stack gap="xs">
                <Text size="sm">{t('cases.editConflict')}</Text>
                <Group>
                  <Button size="xs" color="orange" onClick={keepMine} data-testid="case-keep-mine">
                    {t('cases.keepMine')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          ) : (
            <ErrorAlert error={update.error} />
          )}
          <MultiSelect
            label={t('cases.problems')}
            data={enumOptions(t, 'problem', LEGAL_PROBLEMS)}
            searchable
            {...form.getInputProps('problems')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <Select
              label={t('cases.priority')}
              data={enumOptions(t, 'priority', CASE_PRIORITIES)}
              allowDeselect={false}
              {...form.getInputProps('priority')}
            />
            {seesStaff && (
              <Select
                label={t('cases.assigned')}
                data={options}
                searchable
                allowDeselect={false}
                data-testid="case-assignee"
                {...form.getInputProps('assignedTo')}
                value={(form.values.assignedTo as string | null) ?? UNASSIGNED}
                onChange={(v) => form.setFieldValue('assignedTo', v && v !== UNASSIGNED ? v : null)}
              />
            )}
          </SimpleGrid>
          <Stack gap={2}>
            <Textarea label={t('cases.summary')} autosize minRows={2} {...form.getInputProps('summary')} />
            <LengthHint
              value={String(form.values.summary ?? '')}
              max={zCaseUpdate.shape.summary.unwrap().unwrap().maxLength}
            />
          </Stack>
          <Checkbox
            label={t('cases.restrictedLabel')}
            description={t('cases.restrictedHint')}
            // Only a supervisor lifts a restriction; the server says so too.
            disabled={c.restricted && !can(me, 'case.read_restricted')}
            {...form.getInputProps('restricted', { type: 'checkbox' })}
            error={form.errors.restricted}
            data-testid="case-restricted"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} data-testid="save-case">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The button that opens the editor, for those who may change the case. */
export function CaseEditing({ c, me }: { c: Case; me: SessionUser }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  if (!can(me, 'case.manage') || c.status === 'closed') return null;
  if (editing) return <CaseEditor c={c} me={me} onDone={() => setEditing(false)} />;
  return (
    <Group>
      <Button variant="light" onClick={() => setEditing(true)} data-testid="edit-case">
        {t('cases.edit')}
      </Button>
    </Group>
  );
}
