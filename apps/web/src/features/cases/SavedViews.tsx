import { Button, Group, Select, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';

interface SavedView {
  id: string;
  name: string;
  filters: Record<string, string>;
}

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
  const views = useQuery({
    queryKey: ['saved-views', 'cases'],
    queryFn: () => api<{ items: SavedView[] }>('/saved-views?module=cases'),
  });
  return (
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
        onChange={(e) => setName(e.currentTarget.value)}
        w={200}
      />
      <Button
        variant="default"
        disabled={!name.trim()}
        onClick={async () => {
          const kept = Object.fromEntries(Object.entries(filters).filter(([, v]) => v));
          await api('/saved-views', { method: 'POST', body: { module: 'cases', name, filters: kept } });
          setName('');
          await views.refetch();
        }}
      >
        {t('cases.saveView')}
      </Button>
    </Group>
  );
}
