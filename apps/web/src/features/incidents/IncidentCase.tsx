import { type Incident, incidentsApi } from '@komek/domain';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../app/hooks.ts';
import { CaseForPerson, type CaseStart } from '../cases/CaseForPerson.tsx';

/** The topics and urgency a case from the incident starts with; the worker may change both. */
function startingPoint(incident: Incident): CaseStart {
  const held = incident.type === 'detention_removal' || incident.affected.detained > 0;
  if (held) return { problems: ['deportation_extradition_refoulement'], priority: 'emergency' };
  if (incident.type.endsWith('_dispute') && incident.type !== 'infrastructure_dispute')
    return { problems: ['property_land'], priority: 'urgent' };
  return { problems: ['border_crossing'], priority: 'urgent' };
}

/** A person the incident concerns gets a case of their own, linked to it. */
export function IncidentCase({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useApiMutation(incidentsApi.openCase, {
    invalidates: [incidentsApi.get],
    onSuccess: (c) => navigate({ to: '/cases/$caseId', params: { caseId: c.id } }),
  });
  return (
    <CaseForPerson
      title={t('incidents.caseForPerson')}
      suggested={startingPoint(incident)}
      districtId={incident.districtId}
      opening={open.isPending}
      error={open.error}
      onOpen={(personId, start) => open.mutate({ params: { id: incident.id }, body: { personId, ...start } })}
      testIdPrefix="incident"
    />
  );
}
