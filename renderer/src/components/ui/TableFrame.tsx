import { Paper, Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** The bordered box every table sits in; scrolls sideways on narrow windows instead of squashing. */
export function TableFrame({ minWidth, children }: { minWidth: number; children: ReactNode }) {
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={minWidth} type="native">
        {children}
      </Table.ScrollContainer>
    </Paper>
  );
}
