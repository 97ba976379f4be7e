import { Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled, bordered block on a page; `id` lets a link scroll to it. */
export function SectionCard({ title, id, children }: { title: string; id?: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="lg" id={id} style={id ? { scrollMarginTop: 76 } : undefined}>
      <Stack gap="md">
        <Title order={3}>{title}</Title>
        {children}
      </Stack>
    </Paper>
  );
}
