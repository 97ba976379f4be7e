import { Loader, Select, Stack, Table, Text } from '@mantine/core';
import { CONSENT_VALUE_MEANINGS, type ConsentValueMeaning } from '../../../../shared/imports';
import { countOf } from '../../lib/format';
import { consentValueRows, MEANING_LABELS, withMeaning } from '../../lib/importChoices';
import { useImport } from '../../stores/importWizard';

const CHANNEL_WORDS = { smsConsent: 'texts', emailConsent: 'emails' } as const;
const MEANING_OPTIONS = CONSENT_VALUE_MEANINGS.map((meaning) => ({ value: meaning, label: MEANING_LABELS[meaning] }));

/** The different values of one consent column in the whole file, and what each will mean; the owner can change it. */
export function ConsentValuesTable({ column, header, target }: { column: number; header: string; target: 'smsConsent' | 'emailConsent' }) {
  const values = useImport((state) => state.columnValues[column]);
  const owners = useImport((state) => state.options.consentValues);
  const { setOptions } = useImport.getState();
  const channel = CHANNEL_WORDS[target];
  return (
    <Stack gap="xs" data-testid={`consent-values-${column}`}>
      <Text fw={500}>What “{header}” says about {channel}</Text>
      <Text size="sm" c="dimmed">
        A client marked “Said no” is opted out of {channel}, whatever you choose for the whole file on the next step, and a
        client who already opted out stays opted out. “Says nothing” leaves your choice for the whole file.
      </Text>
      {!values ? (
        <Loader size="sm" aria-label={`Reading the values of ${header}`} />
      ) : values.length === 0 ? (
        <Text size="sm">This column is empty in the whole file.</Text>
      ) : (
        <Table maw={640} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Value in the file</Table.Th>
              <Table.Th>Rows</Table.Th>
              <Table.Th w={220}>Means</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {consentValueRows(values, owners).map((row) => (
              <Table.Tr key={row.value}>
                <Table.Td>{row.value}</Table.Td>
                <Table.Td>{countOf(row.rows, 'row')}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`“${row.value}” means`}
                    data={MEANING_OPTIONS}
                    value={row.meaning}
                    allowDeselect={false}
                    onChange={(picked) => {
                      const meaning = CONSENT_VALUE_MEANINGS.find((option) => option === picked) as ConsentValueMeaning | undefined;
                      if (meaning) setOptions({ consentValues: withMeaning(owners, row.value, meaning) });
                    }}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
