import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { ScreeningForm } from './ScreeningForm.tsx';

/** The screening form for one person, on a case of theirs when it was started from one. */
export function NewScreeningPage() {
  const navigate = useNavigate();
  const { personId } = useParams({ strict: false }) as { personId: string };
  const { caseId } = useSearch({ strict: false }) as { caseId?: string };
  return (
    <ScreeningForm
      personId={personId}
      caseId={caseId}
      onDone={(saved) =>
        saved
          ? navigate({ to: '/screenings/$screeningId', params: { screeningId: saved.id } })
          : navigate({
              to: caseId ? '/cases/$caseId' : '/persons/$personId',
              params: { caseId, personId } as never,
            })
      }
    />
  );
}
