import { Alert, Badge, Group, List, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import type { SendingDto } from '../../../../shared/sending';
import { toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { channelWords, liveSwitch, modeWords, SENDING_CHANNELS } from '../../lib/sendingMode';
import { useSending } from '../../stores/sending';
import { showToast } from '../../stores/toasts';
import { LiveModeModal } from './LiveModeModal';

/** Sandbox or live, where each kind of message goes right now, and the switch between the two. */
export function ModeBanner({ sending }: { sending: SendingDto }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const words = modeWords(sending);
  const { canTurnOn, reason } = liveSwitch(sending);

  const turnOff = async (): Promise<void> => {
    setBusy(true);
    try {
      useSending.getState().apply(await call('sending.setLive', { live: false }));
      showToast('Live sending is off. Messages stay on this computer again.');
    } catch (caught) {
      showToast(toApiError(caught).message, 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm" data-testid="sending-mode">
      <Alert
        color={words.color}
        variant="light"
        title={
          <Group gap="xs">
            <Badge color={words.color} variant="filled">
              {words.badge}
            </Badge>
            <span>{words.title}</span>
          </Group>
        }
      >
        <Stack gap={6}>
          <Text size="sm">{words.description}</Text>
          <List size="sm" spacing={2}>
            {SENDING_CHANNELS.map((channel) => (
              <List.Item key={channel}>{channelWords(channel, sending.channels[channel])}</List.Item>
            ))}
          </List>
        </Stack>
      </Alert>
      <Switch
        size="md"
        label="Send messages to clients for real (live sending)"
        description={
          sending.live
            ? 'Switch off to go back to the sandbox: broadcasts are then only pretend-sent on this computer.'
            : canTurnOn
              ? 'You will be asked to confirm before anything real is sent.'
              : reason
        }
        checked={sending.live}
        disabled={busy || (!sending.live && !canTurnOn)}
        onChange={(event) => (event.currentTarget.checked ? setAsking(true) : void turnOff())}
      />
      <LiveModeModal opened={asking} sending={sending} onClose={() => setAsking(false)} />
    </Stack>
  );
}
