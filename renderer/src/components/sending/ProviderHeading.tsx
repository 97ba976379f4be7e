import { Badge, Group, Text } from '@mantine/core';
import type { CredentialCheckDto } from '../../../../shared/sending';

interface ProviderHeadingProps {
  configured: boolean;
  /** Whether the provider accepted the saved details; left out for push, which has nothing to check. */
  check?: CredentialCheckDto | null;
  children: React.ReactNode;
}

/** "Set up", "Not checked yet" or "Not set up yet", and a line saying what this provider is for. */
export function ProviderHeading({ configured, check, children }: ProviderHeadingProps) {
  const unchecked = configured && check?.checkedAt === null;
  const label = !configured ? 'Not set up yet' : unchecked ? 'Not checked yet' : 'Set up';
  return (
    <Group gap="sm" align="flex-start" wrap="nowrap">
      <Badge color={!configured ? 'gray' : unchecked ? 'yellow' : 'green'} variant="light" style={{ flexShrink: 0 }}>
        {label}
      </Badge>
      <Text size="sm" c="dimmed">
        {children}
        {unchecked && ` Saved without a check (${check?.uncheckedReason ?? 'no answer'}): send a test to check it.`}
      </Text>
    </Group>
  );
}
