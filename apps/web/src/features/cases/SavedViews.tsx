import { savedViewsApi, zSavedViewInput } from '@komek/domain';
import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { validateWith } from '../../app/validate.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** Named filter sets a user keeps for the case list ("my emergencies", "Aravan pending"). */
export function SavedViews({
  filters,
  onApply,
}: {
  filters: Record<string, string>;
  onApply: (f: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const views = useApiQuery(savedViewsApi.list, { query: { module: 'cases' } });
  const save = useApiMutation(savedViewsApi.create, {
    invalidates: [savedViewsApi.list],
    onSuccess: () => setName(''),
  });
  return (
    <Stack gap={4}>
      <ErrorAlert error={views.error ?? save.error} />
      <Group align="flex-end" gap="sm">
        <Select
          label={t('cases.views')}
          clearable
          w={220}
          data={(views.data?.items ?? []).map((v) => ({ value: v.id, label: v.name }))}
          onChange={(id) => {
            const view = views.data?.items.find((v) => v.id === id);
            if (view) onApply(view.filters);
          }}
        />
        <TextInput
          label={t('cases.viewName')}
          value={name}
          error={error}
          onChange={(e) => setName(e.currentTarget.value)}
          w={200}
        />
        <Button
          variant="default"
          disabled={!name.trim()}
          loading={save.isPending}
          onClick={() => {
            const kept = Object.fromEntries(Object.entries(filters).filter(([, v]) => v));
            const checked = validateWith(zSavedViewInput, { module: 'cases', name, filters: kept });
            setError(checked.errors?.name ?? checked.errors?.filters);
            if (checked.data) save.mutate({ body: checked.data });
          }}
        >
          {t('cases.saveView')}
        </Button>
      </Group>
    </Stack>
  );
}
