import { Badge, Tooltip } from '@mantine/core';

export function SandboxBadge() {
  return (
    <Tooltip
      label="Sandbox: messages are simulated on this computer. Nothing reaches your clients."
      multiline
      w={280}
      withArrow
    >
      <Badge color="orange" variant="filled" size="lg" tabIndex={0}>
        SANDBOX
      </Badge>
    </Tooltip>
  );
}
