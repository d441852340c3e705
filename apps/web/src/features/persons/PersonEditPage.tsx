import { type Person, personsApi } from '@komek/domain';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../app/api.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { remember } from '../../offline/answers.ts';
import { PersonFields, valuesOf } from './PersonForm.tsx';

/** Editing a person, online or offline; an edit that meets a newer version is resolved in the outbox. */
export function PersonEditPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { personId } = useParams({ strict: false }) as { personId: string };
  const person = useApiQuery(personsApi.get, { params: { id: personId } });
  const before = person.data;
  const update = useApiMutation(personsApi.update, {
    invalidates: [personsApi.get, personsApi.list],
    onSuccess: () => navigate({ to: '/persons/$personId', params: { personId } }),
    offline: {
      kind: 'personEdit',
      title: ({ body }) => `${body.person.familyName} ${body.person.givenName}`,
      target: ({ params }) => `/persons/${params.id}`,
      base: () => before,
      local: async ({ body }) => {
        const edited = { ...(before as Person), ...body.person, version: body.version } as Person;
        await remember(`/api/persons/${personId}`, edited);
        return edited;
      },
    },
  });
  if (person.error) return <ErrorAlert error={person.error} />;
  if (!before) return null;
  const { documents: _d, consents: _c, ...rest } = before;
  return (
    <PersonFields
      title={t('persons.edit')}
      submitLabel={t('common.save')}
      initial={valuesOf(before)}
      keep={{
        messaging: rest.messaging,
        communityId: rest.communityId,
        estimatedAge: rest.birthDate ? null : rest.age,
      }}
      busy={update.isPending}
      error={update.error}
      serverErrors={fieldErrors(update.error)}
      submitTestId="save-person"
      onSubmit={(input) =>
        update.mutate({ params: { id: personId }, body: { version: before.version, person: input } })
      }
    />
  );
}
