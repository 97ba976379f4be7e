import { Table, Text } from '@mantine/core';
import type { PreviewTable } from '../../lib/importMapping';
import { TableFrame } from '../ui/TableFrame';

/** The first rows of the file, as they will be read: to check the letters and columns look right. */
export function FilePreviewTable({ table }: { table: PreviewTable }) {
  return (
    <TableFrame minWidth={Math.max(640, table.headers.length * 140)}>
      <Table striped withColumnBorders verticalSpacing={6} fz="sm" data-testid="import-preview">
        <Table.Thead>
          <Table.Tr>
            {table.headers.map((header, column) => (
              <Table.Th key={column} style={{ whiteSpace: 'nowrap' }}>
                {header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((row, line) => (
            <Table.Tr key={line}>
              {table.headers.map((_, column) => (
                <Table.Td key={column} maw={260}>
                  <Text size="sm" lineClamp={2} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {row[column] ?? ''}
                  </Text>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}
