import { Alert, Checkbox, Group, Loader, Select, Stack, Text } from '@mantine/core';
import { DELIMITERS, ENCODINGS, type Delimiter, type Encoding } from '../../../../shared/imports';
import { DELIMITER_LABELS, ENCODING_LABELS, layoutNote } from '../../lib/importMapping';
import { countOf } from '../../lib/format';
import { useImport, usePreviewTable } from '../../stores/importWizard';
import { ErrorAlert } from '../ui/ErrorAlert';
import { FilePreviewTable } from './FilePreviewTable';
import { WizardButtons } from './WizardButtons';

const isEncoding = (value: string | null): value is Encoding => ENCODINGS.some((encoding) => encoding === value);
const isDelimiter = (value: string | null): value is Delimiter => DELIMITERS.some((delimiter) => delimiter === value);

/** Step 2: does the file read right? Letters (encoding), columns (delimiter) and the header row. */
export function CheckFileStep() {
  const preview = useImport((state) => state.preview);
  const previewing = useImport((state) => state.previewing);
  const hasHeader = useImport((state) => state.hasHeader);
  const error = useImport((state) => state.error);
  const { readAs, setHasHeader, goTo, reset } = useImport.getState();
  const table = usePreviewTable();
  if (!preview || !table) return null;

  const encodings = [...new Set([preview.encoding, ...preview.candidates, ...ENCODINGS])];
  const layout = layoutNote(preview);
  return (
    <Stack gap="md">
      {preview.askEncoding && (
        <Alert color="yellow" title="Check the letters in names">
          We could not tell for sure how this file stores letters such as é, ñ or ü. Look at the names below; if
          they show odd symbols, pick another option under “Letters”.
        </Alert>
      )}
      <Text>
        Check that the names look right and that each value sits in its own column. If not, change how the file is
        read here.
      </Text>
      <ErrorAlert error={error} />
      <Group align="flex-end" gap="md">
        <Select
          label="Letters (encoding)"
          data={encodings.map((encoding) => ({
            value: encoding,
            label: preview.candidates.includes(encoding) && preview.askEncoding ? `${ENCODING_LABELS[encoding]} – likely` : ENCODING_LABELS[encoding],
          }))}
          value={preview.encoding}
          onChange={(encoding) => isEncoding(encoding) && void readAs({ encoding })}
          allowDeselect={false}
          w={320}
          error={preview.askEncoding ? true : undefined}
        />
        <Select
          label="Columns are separated by"
          data={DELIMITERS.map((delimiter) => ({ value: delimiter, label: DELIMITER_LABELS[delimiter] }))}
          value={preview.delimiter}
          onChange={(delimiter) => isDelimiter(delimiter) && void readAs({ delimiter })}
          allowDeselect={false}
          w={220}
        />
        <Checkbox
          label="The first row holds column names"
          checked={hasHeader}
          onChange={(event) => setHasHeader(event.currentTarget.checked)}
          mb={8}
        />
        {previewing && <Loader size="sm" mb={8} aria-label="Reading the file again" />}
      </Group>
      {layout && (
        <Alert color="blue" data-testid="import-layout">
          {layout}
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {preview.fileName}: {countOf(table.totalRows, 'client row')}
        {table.rows.length < table.totalRows ? `, the first ${table.rows.length} shown below.` : '.'}
      </Text>
      <FilePreviewTable table={table} />
      <WizardButtons
        back={{ label: 'Choose another file', onClick: reset }}
        next={{ label: 'Next: match the columns', onClick: () => goTo('columns'), disabled: previewing || table.totalRows === 0 }}
      />
    </Stack>
  );
}
