import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A list table's one row when it holds nothing: a quiet sentence across every column. */
export function EmptyRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={colSpan}>
        <Text size="sm" c="dimmed">
          {children}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
