import { Badge, Loader, Tooltip } from '@mantine/core';
import { useConnection } from '../../stores/connection';

/** Shown while live updates are cut off; the numbers catch up once they are back. */
export function ReconnectingIndicator() {
  const events = useConnection((state) => state.events);
  if (events !== 'reconnecting') return null;
  return (
    <Tooltip label="Live updates are paused until the connection comes back." withArrow>
      <Badge color="gray" variant="light" size="lg" role="status" leftSection={<Loader size={10} color="gray" />}>
        Reconnecting…
      </Badge>
    </Tooltip>
  );
}
