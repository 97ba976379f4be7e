import { useState } from 'react';
import { toApiError } from '../api/ApiError';
import { call } from '../api/client';
import type { BulkTarget } from '../components/contacts/BulkTagModal';
import { saveExport } from '../lib/exportDownload';
import { countOf } from '../lib/format';
import { showToast } from '../stores/toasts';

/** Export clients to a CSV file and save it; `exporting` while it is written and saved. */
export function useContactsExport(): { exporting: boolean; exportClients(target: BulkTarget): Promise<void> } {
  const [exporting, setExporting] = useState(false);
  const exportClients = async (target: BulkTarget): Promise<void> => {
    setExporting(true);
    try {
      const { fileId, fileName, rows } = await call('contacts.export', { target });
      const { saved, path } = await saveExport({ fileId, fileName });
      if (saved) showToast(`Exported ${countOf(rows, 'client')} to ${path ?? fileName}.`);
    } catch (caught) {
      showToast(toApiError(caught).message, 'error');
    } finally {
      setExporting(false);
    }
  };
  return { exporting, exportClients };
}
