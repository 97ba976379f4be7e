import { Center, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** Fills the window when the app cannot show its usual screens (not signed in, could not start). */
export function FullPageMessage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder radius="md" p="xl" maw={560}>
        <Stack>
          <Title order={2}>{title}</Title>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
