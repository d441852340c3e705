import { monitoringApi } from '@komek/domain';
import { Badge, Button, Checkbox, Group, Paper, Stack, Switch, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../app/api.ts';
import { useApiMutation, useApiQuery } from '../../app/hooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useChecklistLabel } from './checklist-label.ts';

const VIEWS = [monitoringApi.checklist];

/**
 * The questions every monitoring visit answers: the standard ones, and the organisation's own an
 * administrator adds (in the language they write) or retires (old answers stay with their visits).
 */
export function ChecklistPanel() {
  const { t, i18n } = useTranslation();
  const checklist = useApiQuery(monitoringApi.checklist, {});
  const items = checklist.data?.items ?? [];
  const labelOf = useChecklistLabel(items);
  const [label, setLabel] = useState('');
  const [concern, setConcern] = useState(false);
  const add = useApiMutation(monitoringApi.addChecklistItem, {
    invalidates: VIEWS,
    onSuccess: () => {
      setLabel('');
      setConcern(false);
    },
  });
  const update = useApiMutation(monitoringApi.updateChecklistItem, { invalidates: VIEWS });
  const labelError = Object.entries(fieldErrors(add.error)).find(([path]) => path.startsWith('labels'))?.[1];
  return (
    <Paper withBorder p="md" data-testid="monitoring-checklist">
      <Stack gap="xs">
        <Title order={3}>{t('monitoring.checklist')}</Title>
        <ErrorAlert error={checklist.error ?? update.error ?? (labelError ? null : add.error)} />
        <Table>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.key}>
                <Table.Td>{labelOf(item.key)}</Table.Td>
                <Table.Td>{item.concern && <Badge color="red.9">{t('monitoring.concern')}</Badge>}</Table.Td>
                <Table.Td>
                  {item.standard ? (
                    <Badge color="gray.7">{t('monitoring.standard')}</Badge>
                  ) : (
                    <Switch
                      label={t('monitoring.asked')}
                      checked={item.active}
                      onChange={(e) =>
                        update.mutate({
                          params: { id: item.key },
                          body: { version: item.version ?? 1, active: e.currentTarget.checked },
                        })
                      }
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group align="flex-end">
          <TextInput
            label={t('monitoring.newQuestion')}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={labelError}
            style={{ flex: 1, minWidth: 240 }}
            data-testid="checklist-label"
          />
          <Checkbox
            label={t('monitoring.concernHint')}
            checked={concern}
            onChange={(e) => setConcern(e.currentTarget.checked)}
          />
          <Button
            loading={add.isPending}
            onClick={() => add.mutate({ body: { labels: { [i18n.language]: label.trim() }, concern } })}
            data-testid="checklist-add"
          >
            {t('monitoring.addQuestion')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
