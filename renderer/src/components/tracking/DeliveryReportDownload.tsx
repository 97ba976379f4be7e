import { Button, Group, SegmentedControl } from '@mantine/core';
import { useState } from 'react';
import { REPORT_SEPARATORS, type ReportSeparator } from '../../../../shared/tracking';
import { toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { reportSeparatorFor, saveExport } from '../../lib/exportDownload';
import { showToast } from '../../stores/toasts';

const SEPARATOR_LABELS: Record<ReportSeparator, string> = { ',': 'Comma', ';': 'Semicolon' };

/** One row per message of the broadcast as a CSV file, with the separator the salon's Excel expects by default. */
export function DeliveryReportDownload({ broadcastId }: { broadcastId: number }) {
  const { locale } = useSalonFormat();
  const [separator, setSeparator] = useState<ReportSeparator>(() => reportSeparatorFor(locale));
  const [busy, setBusy] = useState(false);

  const download = async (): Promise<void> => {
    setBusy(true);
    try {
      const report = await call('reports.deliveriesCsv', { filter: { broadcastId }, separator });
      const { saved } = await saveExport(report);
      if (saved) showToast(`Delivery report saved: ${report.fileName}.`);
    } catch (caught) {
      showToast(toApiError(caught).message, 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Group gap="xs" align="center">
      <SegmentedControl
        size="xs"
        value={separator}
        onChange={(value) => setSeparator(REPORT_SEPARATORS.find((option) => option === value) ?? ',')}
        data={REPORT_SEPARATORS.map((value) => ({ value, label: SEPARATOR_LABELS[value] }))}
        aria-label="Separator between columns"
        title="Excel in France or Germany expects semicolons"
      />
      <Button variant="default" onClick={() => void download()} loading={busy}>
        Download delivery report (CSV)
      </Button>
    </Group>
  );
}
