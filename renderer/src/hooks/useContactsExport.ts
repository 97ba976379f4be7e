import { useState } from 'react';
import { toApiError } from '../api/ApiError';
import { call } from '../api/client';
import type { BulkTarget } from '../components/contacts/BulkTagModal';
import { downloadBlob } from '../lib/download';
import { readExport } from '../lib/exportDownload';
import { countOf } from '../lib/format';
import { showToast } from '../stores/toasts';

/** Export clients to a CSV file and download it; `exporting` while it is written and read. */
export function useContactsExport(): { exporting: boolean; exportClients(target: BulkTarget): Promise<void> } {
  const [exporting, setExporting] = useState(false);
  const exportClients = async (target: BulkTarget): Promise<void> => {
    setExporting(true);
    try {
      const { fileId, fileName, rows } = await call('contacts.export', { target });
      downloadBlob(fileName, await readExport((offset) => call('contacts.exportChunk', { fileId, offset })));
      showToast(`Exported ${countOf(rows, 'client')} to ${fileName}.`);
    } catch (caught) {
      showToast(toApiError(caught).message, 'error');
    } finally {
      setExporting(false);
    }
  };
  return { exporting, exportClients };
}
