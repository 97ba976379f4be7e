import { Badge, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import type { SegmentDto } from '../../../../shared/dto';
import type { CallState } from '../../hooks/useCall';
import { formatDateTime } from '../../lib/format';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { ErrorAlert } from '../ui/ErrorAlert';

interface SegmentListProps {
  segments: CallState<SegmentDto[]>;
  openId: number | null;
  onOpen(segment: SegmentDto): void;
  onDelete(segment: SegmentDto): void;
}

/** The owner's saved segments: open one to change it, or delete it. */
export function SegmentList({ segments, openId, onOpen, onDelete }: SegmentListProps) {
  const { timeZone, locale } = useSalonFormat();
  if (segments.error) return <ErrorAlert error={segments.error} />;
  if (!segments.data) return <Loader size="sm" aria-label="Loading your segments" />;
  if (segments.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No saved segments yet. Build an audience below and save it, to pick it again later in one click.
      </Text>
    );
  }
  return (
    <Stack gap="xs" data-testid="segment-list">
      {segments.data.map((segment) => (
        <Paper key={segment.id} withBorder radius="md" px="sm" py="xs">
          <Group justify="space-between" wrap="nowrap">
            <Group gap="xs" wrap="nowrap" miw={0}>
              <Text fw={500} size="sm" truncate>
                {segment.name}
              </Text>
              {segment.id === openId && (
                <Badge size="xs" variant="light">
                  Open
                </Badge>
              )}
              <Text size="xs" c="dimmed" visibleFrom="sm">
                Saved {formatDateTime(segment.updatedAt, timeZone, locale)}
              </Text>
            </Group>
            <Group gap={4} wrap="nowrap">
              <Button size="xs" variant="light" onClick={() => onOpen(segment)} aria-label={`Open ${segment.name}`}>
                Open
              </Button>
              <Button size="xs" variant="subtle" color="red" onClick={() => onDelete(segment)} aria-label={`Delete ${segment.name}`}>
                Delete
              </Button>
            </Group>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
