import { Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled, bordered block on a page. */
export function SectionCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Title order={3}>{title}</Title>
        {children}
      </Stack>
    </Paper>
  );
}
