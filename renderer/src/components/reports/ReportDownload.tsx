import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { DeliveryFilter, ReportSeparator } from '../../../../shared/tracking';
import { toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { reportSeparatorFor, saveExport } from '../../lib/exportDownload';
import { countOf } from '../../lib/format';
import { showToast } from '../../stores/toasts';

const SEPARATORS = [
  { value: ',', label: 'Commas' },
  { value: ';', label: 'Semicolons' },
];
const SEMICOLON_HINT = 'Excel in France, Germany and other countries writing 1,5 for one and a half expects semicolons.';
const isSeparator = (value: string): value is ReportSeparator => value === ',' || value === ';';

interface ReportDownloadProps {
  filter: DeliveryFilter;
  disabled?: boolean;
  /** Just the button and the separator, for a page that already says what its messages are. */
  compact?: boolean;
}

/** The delivery report for the filter as a CSV file, with the separator the owner's Excel expects. */
export function ReportDownload({ filter, disabled = false, compact = false }: ReportDownloadProps) {
  const { locale } = useSalonFormat();
  const [separator, setSeparator] = useState<ReportSeparator>(() => reportSeparatorFor(locale));
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setBusy(true);
    try {
      const { fileId, fileName, rows } = await call('reports.deliveriesCsv', { filter, separator });
      const { saved } = await saveExport({ fileId, fileName });
      if (saved) showToast(`Saved the report of ${countOf(rows, 'message')} as ${fileName}.`);
    } catch (caught) {
      showToast(toApiError(caught).message, 'error');
    } finally {
      setBusy(false);
    }
  };

  const controls = (
    <Group gap="md" align="center">
      <Button variant={compact ? 'default' : 'filled'} onClick={() => void download()} loading={busy} disabled={disabled}>
        Download delivery report (CSV)
      </Button>
      <Group gap="xs" align="center" title={SEMICOLON_HINT}>
        <Text size="sm" id="report-separator">
          Columns separated by
        </Text>
        <SegmentedControl aria-labelledby="report-separator" size="xs" data={SEPARATORS} value={separator} onChange={(value) => isSeparator(value) && setSeparator(value)} />
      </Group>
    </Group>
  );
  if (compact) return controls;
  return (
    <Stack gap="xs">
      <Text size="sm">
        One row per message: broadcast, day, channel, client, address, status and reason, times in your time zone, cost, and
        whether the client replied or opted out.
      </Text>
      {controls}
      <Text size="xs" c="dimmed">
        {SEMICOLON_HINT}
      </Text>
    </Stack>
  );
}
