import { Text } from '@mantine/core';
import type { AutomationDecisionDto } from '../../../../shared/automations';

/** "Sent", or "Skipped: an appointment is booked for 12 Dec". */
export function DecisionOutcome({ decision }: { decision: Pick<AutomationDecisionDto, 'outcome' | 'reason'> }) {
  if (decision.outcome === 'sent') {
    return (
      <Text size="sm" c="green.8" fw={500} span>
        Sent
      </Text>
    );
  }
  return (
    <Text size="sm" c="orange.9" span>
      Skipped{decision.reason ? `: ${decision.reason}` : ''}
    </Text>
  );
}
