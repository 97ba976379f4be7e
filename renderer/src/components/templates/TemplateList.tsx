import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { TemplateDto } from '../../../../shared/templates';
import { formatDateTime } from '../../lib/format';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { TemplatePreview } from './TemplatePreview';

interface TemplateListProps {
  templates: TemplateDto[];
  onEdit(template: TemplateDto): void;
  onDelete(template: TemplateDto): void;
}

/** The saved templates of one channel, each with its content and what can be done with it. */
export function TemplateList({ templates, onEdit, onDelete }: TemplateListProps) {
  const { timeZone, locale } = useSalonFormat();
  return (
    <Stack gap="sm" data-testid="template-list">
      {templates.map((template) => (
        <Paper key={template.id} withBorder radius="md" p="md" data-testid="template">
          <Stack gap="xs">
            <Group justify="space-between" wrap="nowrap">
              <Group gap="sm" wrap="nowrap" miw={0}>
                <Text fw={600} truncate>
                  {template.name}
                </Text>
                <Text size="xs" c="dimmed" visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
                  Saved {formatDateTime(template.updatedAt, timeZone, locale)}
                </Text>
              </Group>
              <Group gap={4} wrap="nowrap">
                <Button size="xs" variant="light" onClick={() => onEdit(template)} aria-label={`Edit ${template.name}`}>
                  Edit
                </Button>
                <Button size="xs" variant="subtle" color="red" onClick={() => onDelete(template)} aria-label={`Delete ${template.name}`}>
                  Delete
                </Button>
              </Group>
            </Group>
            <TemplatePreview template={template} />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
