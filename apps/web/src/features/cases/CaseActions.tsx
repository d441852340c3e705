import { CASE_OUTCOMES, type Case, type SessionUser } from '@komek/domain';
import { Button, Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { can } from '../../app/session.ts';
import { enumOptions } from '../../components/enum-options.ts';

/** The status moves a case allows from where it stands. */
export function CaseActions({
  c,
  me,
  onChange,
}: {
  c: Case;
  me: SessionUser;
  onChange: (error?: unknown) => void;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<string | null>(null);
  const [authority, setAuthority] = useState('');
  const move = async (body: object) => {
    try {
      await api(`/cases/${c.id}/transition`, { method: 'POST', body: { version: c.version, ...body } });
      onChange();
    } catch (e) {
      onChange(e);
    }
  };
  const decide = async (decision: 'approve-close' | 'reject-close') => {
    await api(`/cases/${c.id}/${decision}`, { method: 'POST' }).catch(onChange);
    onChange();
  };
  if (c.status === 'closed') {
    return (
      <Group>
        <Button variant="light" onClick={() => move({ to: 'open' })}>
          {t('cases.reopen')}
        </Button>
      </Group>
    );
  }
  return (
    <Group align="flex-end">
      {c.status !== 'open' && (
        <Button onClick={() => move({ to: 'open' })} data-testid="case-open">
          {t('cases.open')}
        </Button>
      )}
      {c.status === 'open' && (
        <>
          <TextInput
            label={t('cases.authority')}
            value={authority}
            onChange={(e) => setAuthority(e.currentTarget.value)}
          />
          <Button
            variant="light"
            disabled={authority.trim().length < 2}
            onClick={() => move({ to: 'pending_authority', authority })}
          >
            {t('cases.pending')}
          </Button>
        </>
      )}
      <Select
        searchable
        label={t('cases.outcome')}
        data={enumOptions(t, 'outcome', CASE_OUTCOMES)}
        value={outcome}
        onChange={setOutcome}
        w={240}
        data-testid="case-outcome"
      />
      <Button
        color="dark"
        disabled={!outcome}
        onClick={() => move({ to: 'closed', outcome })}
        data-testid="case-close"
      >
        {t('cases.closeWith')}
      </Button>
      {c.closeRequested && can(me, 'case.approve_close') && (
        <>
          <Button color="green" onClick={() => decide('approve-close')}>
            {t('cases.approveClose')}
          </Button>
          <Button color="red" variant="light" onClick={() => decide('reject-close')}>
            {t('cases.rejectClose')}
          </Button>
        </>
      )}
    </Group>
  );
}
