import { CloseButton, Group, Select, Stack, Text } from '@mantine/core';
import { OPERATORS, type FieldOption } from '../../lib/audienceFields';
import { withField, withOp, type DraftCondition } from '../../lib/audienceDraft';
import { kindOf } from '../../lib/audienceFields';
import { useBuilder } from './builderContext';
import { ConditionValue } from './ConditionValue';

/** One condition: field, operator, value(s), and what is wrong with it if anything. */
export function ConditionRow({ condition }: { condition: DraftCondition }) {
  const builder = useBuilder();
  const kind = kindOf(condition.field) ?? 'text';
  const problem = builder.problems.get(condition.key);
  const issue = builder.issues.get(condition.key);
  const update = (change: (current: DraftCondition) => DraftCondition) =>
    builder.change(condition.key, (node) => (node.type === 'condition' ? change(node) : node));

  return (
    <Stack gap={4} data-testid="audience-condition">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Select
          aria-label="Field"
          data={fieldData(builder.fields, condition.field)}
          value={condition.field}
          onChange={(field) => field && update((current) => withField(current, field))}
          searchable
          allowDeselect={false}
          w={210}
          comboboxProps={{ width: 260 }}
        />
        <Select
          aria-label="Condition"
          data={OPERATORS[kind].map(({ op, label }) => ({ value: op, label }))}
          value={condition.op}
          onChange={(op) => op && update((current) => withOp(current, op))}
          allowDeselect={false}
          w={210}
        />
        <ConditionValue condition={condition} kind={kind} onChange={(change) => update((current) => ({ ...current, ...change }))} />
        <CloseButton aria-label="Remove this condition" onClick={() => builder.remove(condition.key)} mt={4} />
      </Group>
      {issue && (
        <Text size="xs" c="red" role="alert">
          {issue}
        </Text>
      )}
      {!issue && problem && (
        <Text size="xs" c={problem.kind === 'invalid' ? 'red' : 'dimmed'}>
          {problem.kind === 'invalid' ? problem.message : `Not counted yet. ${problem.message}`}
        </Text>
      )}
    </Stack>
  );
}

/** The field picker's options by group; a field no longer known (an old custom field) stays pickable. */
function fieldData(fields: readonly FieldOption[], current: string) {
  const all = fields.some(({ field }) => field === current)
    ? fields
    : [...fields, { field: current, label: current.replace(/^custom:/, ''), kind: 'text' as const, group: 'Custom fields' }];
  const groups = [...new Set(all.map(({ group }) => group))];
  return groups.map((group) => ({
    group,
    items: all.filter((option) => option.group === group).map(({ field, label }) => ({ value: field, label })),
  }));
}
