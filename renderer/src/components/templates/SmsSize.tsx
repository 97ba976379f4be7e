import { Text } from '@mantine/core';
import { countSmsSegments } from '../../../../shared/sms-segments';
import { SMS_MAX_CHARS } from '../../../../shared/sms-segments';
import { countOf } from '../../lib/format';
import { useSettings } from '../../stores/settings';
import { smsAsSent } from './smsAsSent';

/** "52 characters · 1 segment": what a text costs once its fields are filled in ("About …" when it has any). */
export function SmsSize({ text }: { text: string }) {
  const { salonName } = useSettings();
  const sent = smsAsSent(text, salonName);
  const { segments, forcesUnicode } = countSmsSegments(sent.text);
  const size = `${countOf(sent.text.length, 'character')} · ${countOf(segments, 'segment')}`;
  return (
    <Text span size="xs" c={text.length > SMS_MAX_CHARS ? 'red' : 'dimmed'}>
      {sent.personalised ? `About ${size}` : size}
      {/* Why a short text can cost two: one emoji or curly quote shrinks every segment to 70 characters. */}
      {forcesUnicode.length > 0 && ` (${forcesUnicode.map((c) => `“${c}”`).join(' ')} makes each segment hold only 70 characters)`}
    </Text>
  );
}
