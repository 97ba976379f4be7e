import { List, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import type { AutomationDto } from '../../../../shared/automations';
import { toApiError } from '../../api/ApiError';
import { useAutomations } from '../../stores/automations';
import { showToast } from '../../stores/toasts';

interface AutomationSwitchProps {
  automation: AutomationDto;
  /** Why it may not be turned on right now, besides its problems (e.g. changes not saved yet). */
  blocked?: string | null;
}

/** On or off; while something is missing, off and greyed with what to do first ("Write the text"). */
export function AutomationSwitch({ automation, blocked = null }: AutomationSwitchProps) {
  const [busy, setBusy] = useState(false);
  const { enabled, problems, name } = automation;
  const cannotTurnOn = !enabled && (problems.length > 0 || blocked !== null);

  const toggle = async (on: boolean): Promise<void> => {
    setBusy(true);
    try {
      await useAutomations.getState().setEnabled(automation.id, on);
      showToast(on ? `“${name}” is on: it sends by itself from now on.` : `“${name}” is off: it sends nothing more.`);
    } catch (caught) {
      showToast(toApiError(caught).message, 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap={4} align="flex-end">
      <Switch
        size="md"
        label={enabled ? 'On' : 'Off'}
        labelPosition="left"
        aria-label={`Send “${name}” automatically`}
        checked={enabled}
        disabled={busy || cannotTurnOn}
        onChange={(event) => void toggle(event.currentTarget.checked)}
        color="green"
      />
      {!enabled && problems.length > 0 && (
        <Stack gap={0} data-testid="automation-problems" align="flex-end">
          <Text size="xs" c="dimmed">
            Before you can turn it on:
          </Text>
          <List size="xs" c="orange.8" ta="right" listStyleType="none">
            {problems.map((problem) => (
              <List.Item key={problem}>{problem}</List.Item>
            ))}
          </List>
        </Stack>
      )}
      {!enabled && problems.length === 0 && blocked && (
        <Text size="xs" c="dimmed">
          {blocked}
        </Text>
      )}
    </Stack>
  );
}
