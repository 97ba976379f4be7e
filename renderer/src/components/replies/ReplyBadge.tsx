import { Badge, Tooltip } from '@mantine/core';
import type { ReplyDto } from '../../../../shared/sending';

const LOOKS = {
  opt_out: {
    label: 'Opted out (STOP)',
    color: 'red',
    hint: 'They asked for no more texts, so they get none from now on. Their choice is in their consent history.',
  },
  opt_in: {
    label: 'Opted back in (START)',
    color: 'green',
    hint: 'They asked to get texts again, so your text broadcasts reach them once more.',
  },
} as const;

/** What a STOP or START reply changed; nothing for an ordinary message. */
export function ReplyBadge({ action }: { action: ReplyDto['action'] }) {
  if (!action) return null;
  const look = LOOKS[action];
  return (
    <Tooltip label={look.hint} multiline w={260} withArrow>
      <Badge color={look.color} variant="light" tabIndex={0} style={{ flexShrink: 0 }}>
        {look.label}
      </Badge>
    </Tooltip>
  );
}
