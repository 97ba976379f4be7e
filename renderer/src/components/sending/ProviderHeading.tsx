import { Badge, Group, Text } from '@mantine/core';

/** "Set up" or "Not set up yet", and a line saying what this provider is for. */
export function ProviderHeading({ configured, children }: { configured: boolean; children: React.ReactNode }) {
  return (
    <Group gap="sm" align="flex-start" wrap="nowrap">
      <Badge color={configured ? 'green' : 'gray'} variant="light" style={{ flexShrink: 0 }}>
        {configured ? 'Set up' : 'Not set up yet'}
      </Badge>
      <Text size="sm" c="dimmed">
        {children}
      </Text>
    </Group>
  );
}
