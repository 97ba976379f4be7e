import { SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { NAME_ORDERS, type NameOrder } from '../../../../shared/imports';
import { CLICKABLE_SEGMENTS } from '../../lib/clickableSegments';
import { countryName, countryOptions } from '../../lib/countries';
import { nameSplits } from '../../lib/importChoices';
import { useImport, usePreviewTable } from '../../stores/importWizard';
import { useSettings } from '../../stores/settings';

const NAME_ORDER_OPTIONS: Array<{ value: NameOrder; label: string }> = [
  { value: 'auto', label: 'By language (recommended)' },
  { value: 'given_first', label: 'Given name first' },
  { value: 'family_first', label: 'Family name first' },
];

/** Where the file's numbers are from (the salon's country unless changed), and how its full names split. */
export function FileCountryAndNames() {
  const salonCountry = useSettings().country;
  const options = useImport((state) => state.options);
  const mapping = useImport((state) => state.mapping);
  const table = usePreviewTable();
  const { setOptions } = useImport.getState();
  const country = options.country ?? salonCountry;
  const countries = useMemo(() => countryOptions(country), [country]);
  const splits = table ? nameSplits(table.rows, mapping, options.nameOrder, country) : null;

  return (
    <Stack gap="lg">
      <Select
        label="Which country are the phone numbers in this file from?"
        description={`Numbers written without + and a country code are read as ${countryName(country)}’s. Your salon’s settings stay as they are.`}
        data={countries}
        value={country}
        onChange={(picked) => picked && setOptions({ country: picked === salonCountry ? null : picked })}
        allowDeselect={false}
        searchable
        maw={420}
        data-testid="import-country"
      />
      {splits && splits.length > 0 && (
        <Stack gap="xs">
          <Title order={4}>How names are written</Title>
          <Text size="sm" c="dimmed">
            Messages greet clients by their given name. Japanese, Chinese, Korean and Hungarian names are written
            family name first, so we split them that way. Check the first rows, and change the order if it is wrong
            for this file.
          </Text>
          <SegmentedControl
            data={NAME_ORDER_OPTIONS}
            value={options.nameOrder}
            onChange={(picked) => setOptions({ nameOrder: NAME_ORDERS.find((order) => order === picked) ?? 'auto' })}
            aria-label="Which name comes first"
            w="fit-content"
            styles={CLICKABLE_SEGMENTS}
          />
          <Table maw={640} verticalSpacing={4} data-testid="name-split">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name in the file</Table.Th>
                <Table.Th>Family name</Table.Th>
                <Table.Th>Given name</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {splits.map((split, index) => (
                <Table.Tr key={index}>
                  <Table.Td>{split.written}</Table.Td>
                  <Table.Td>{split.family ?? '—'}</Table.Td>
                  <Table.Td>{split.given ?? '— (kept whole)'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}
