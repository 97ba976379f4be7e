import { Alert, Badge, Group, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import type { StepDraft } from '../../../../shared/broadcasts';
import { countSmsSegments } from '../../../../shared/sms-segments';
import { ConfirmModal } from '../ui/ConfirmModal';
import { useSettings } from '../../stores/settings';
import { SmsSize } from '../templates/SmsSize';
import { smsAsSent } from '../templates/smsAsSent';
import { TokenField } from '../templates/TokenField';

interface SmsEditorProps {
  value: StepDraft['sms'];
  onChange(value: StepDraft['sms']): void;
  error: string | undefined;
  customFields: readonly string[];
}

/** The text: live size and cost, the characters that make it cost more, and the opt-out line. */
export function SmsEditor({ value, onChange, error, customFields }: SmsEditorProps) {
  const [confirmingRemoval, setConfirmingRemoval] = useState(false);
  const { salonName } = useSettings();
  // As sent: a field's braces never go out, so they are not costly characters.
  const { doubleCost, forcesUnicode } = countSmsSegments(smsAsSent(value.body, salonName).text);
  return (
    <Stack gap="sm">
      <TokenField
        label="Text message"
        rows={5}
        value={value.body}
        onChange={(body) => onChange({ ...value, body })}
        error={error}
        customFields={customFields}
        info={<SmsSize text={value.body} />}
      />
      {(forcesUnicode.length > 0 || doubleCost.length > 0) && (
        <Group gap={6} data-testid="costly-characters">
          {forcesUnicode.map((character) => (
            <Badge key={character} color="orange" variant="light" tt="none">
              “{character}” fits only 70 characters in each segment
            </Badge>
          ))}
          {doubleCost.map((character) => (
            <Badge key={character} color="yellow" variant="light" tt="none">
              “{character}” counts as two characters
            </Badge>
          ))}
        </Group>
      )}
      <Switch
        label="End with “Reply STOP to opt out”"
        description="Carriers and the law expect every marketing text to say how to stop them."
        checked={value.optOutLine}
        onChange={(event) => (event.currentTarget.checked ? onChange({ ...value, optOutLine: true }) : setConfirmingRemoval(true))}
      />
      {!value.optOutLine && (
        <Alert color="yellow" p="xs">
          <Text size="sm">This text goes without the opt-out line. Clients can still reply STOP.</Text>
        </Alert>
      )}
      <ConfirmModal
        opened={confirmingRemoval}
        title="Send without “Reply STOP to opt out”?"
        confirmLabel="Remove the line"
        danger
        busy={false}
        onConfirm={() => {
          onChange({ ...value, optOutLine: false });
          setConfirmingRemoval(false);
        }}
        onCancel={() => setConfirmingRemoval(false)}
      >
        <Text>
          Marketing texts without a way to opt out break carrier rules and, in many places, the law; carriers may block
          your number. Remove it only for a message your clients asked for, such as an appointment reminder.
        </Text>
      </ConfirmModal>
    </Stack>
  );
}
