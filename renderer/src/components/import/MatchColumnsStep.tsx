import { Alert, Select, Stack, Table, Text } from '@mantine/core';
import { checkMapping, customFieldNote, nextBlockedBy, targetOptions } from '../../lib/importMapping';
import { isConsentTarget, useImport, usePreviewTable } from '../../stores/importWizard';
import { TableFrame } from '../ui/TableFrame';
import { ConsentValuesTable } from './ConsentValuesTable';
import { WizardButtons } from './WizardButtons';

const EXAMPLES = 3;

/** Step 3: where each column of the file goes, with a few of its values to recognise it by. */
export function MatchColumnsStep() {
  const preview = useImport((state) => state.preview);
  const mapping = useImport((state) => state.mapping);
  const { setTarget, goTo } = useImport.getState();
  const table = usePreviewTable();
  if (!preview || !table) return null;

  const check = checkMapping(mapping, table.headers);
  const blocked = nextBlockedBy(check);
  const examples = (column: number): string[] =>
    table.rows.map((row) => row[column]?.trim() ?? '').filter(Boolean).slice(0, EXAMPLES);

  return (
    <Stack gap="md">
      <Text>
        Pick where each column goes. We suggested a match from the column names; columns we did not recognise are
        kept as custom fields, which you can filter on in Audiences.
      </Text>
      <TableFrame minWidth={720}>
        <Table verticalSpacing="sm" data-testid="import-mapping">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="28%">Column in your file</Table.Th>
              <Table.Th>Examples</Table.Th>
              <Table.Th w={300}>Import as</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.headers.map((header, column) => {
              const options = targetOptions(header, column, preview.suggestedMapping[column]);
              return (
              <Table.Tr key={column}>
                <Table.Td fw={500}>{header}</Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={2}>
                    {examples(column).join(' · ') || 'Empty in the first rows'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Import “${header}” as`}
                    data={options}
                    value={mapping[column] ?? 'ignore'}
                    onChange={(value) => {
                      const picked = options.find((option) => option.value === value);
                      if (picked) setTarget(column, picked.value);
                    }}
                    allowDeselect={false}
                    searchable
                    description={customFieldNote(header, column, mapping[column])}
                    error={check.columns.get(column)}
                  />
                </Table.Td>
              </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </TableFrame>
      {mapping.map((target, column) =>
        isConsentTarget(target) ? (
          <ConsentValuesTable key={column} column={column} header={table.headers[column] ?? `Column ${column + 1}`} target={target} />
        ) : null,
      )}
      {check.overall && (
        <Alert color="yellow" role="alert">
          {check.overall}
        </Alert>
      )}
      <WizardButtons
        back={{ label: 'Back', onClick: () => goTo('check') }}
        next={{ label: 'Next: consent and duplicates', onClick: () => goTo('options'), disabled: blocked !== null, reason: blocked }}
      />
    </Stack>
  );
}
