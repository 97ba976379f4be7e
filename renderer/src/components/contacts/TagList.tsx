import { Group, Text } from '@mantine/core';
import { MiniBadge } from '../ui/MiniBadge';

/** A client's tags as small labels; past `max`, a "+3" that lists the rest on hover. */
export function TagList({ tags, max = Infinity }: { tags: readonly string[]; max?: number }) {
  if (tags.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  const compact = Number.isFinite(max);
  const hidden = tags.slice(max);
  return (
    <Group gap={4} wrap={compact ? 'nowrap' : 'wrap'}>
      {tags.slice(0, max).map((tag) => (
        <MiniBadge key={tag} tone="tag" title={tag} maxWidth={compact ? 72 : undefined}>
          {tag}
        </MiniBadge>
      ))}
      {hidden.length > 0 && (
        <MiniBadge tone="outline" title={hidden.join(', ')}>
          +{hidden.length}
        </MiniBadge>
      )}
    </Group>
  );
}
