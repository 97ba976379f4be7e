import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportDto, ImportPreviewDto } from '../../../shared/imports';

const callMock = vi.fn();
vi.mock('../api/client', () => ({ call: (...args: unknown[]) => callMock(...args) }));
const { useImport } = await import('./importWizard');

const job = (change: Partial<ImportDto>): ImportDto => ({
  id: 4,
  fileName: 'clients.csv',
  status: 'running',
  processed: 0,
  total: 700,
  summary: null,
  error: null,
  startedAt: '2025-06-01T10:00:00.000Z',
  finishedAt: null,
  fromWatchedFile: false,
  ...change,
});

const preview: ImportPreviewDto = {
  uploadId: 'upload-1234',
  fileName: 'clients.csv',
  bytes: 1_500_000,
  encoding: 'utf-8',
  encodingConfidence: 100,
  askEncoding: false,
  candidates: ['utf-8'],
  delimiter: ',',
  headers: ['Name', 'Mobile'],
  rows: [['Ana', '555']],
  totalRows: 700,
  suggestedMapping: ['name', 'phone'],
};

describe('the import wizard', () => {
  beforeEach(() => {
    callMock.mockReset();
    useImport.getState().reset();
  });

  it('sends the file in base64 pieces within the contract’s limit, then previews it', async () => {
    const pieces: string[] = [];
    callMock.mockImplementation(async (method: string, input: { chunk?: string }) => {
      if (method === 'imports.preview') return preview;
      pieces.push(input.chunk ?? '');
      return { uploadId: 'upload-1234', bytes: pieces.length };
    });
    const file = new File([new Uint8Array(1_500_000).fill(65)], 'clients.csv');
    await useImport.getState().chooseFile(file);
    expect(pieces).toHaveLength(3);
    expect(pieces.every((piece) => piece.length <= 699_052 && !piece.slice(0, -2).includes('='))).toBe(true);
    expect(callMock).toHaveBeenNthCalledWith(2, 'imports.upload', expect.objectContaining({ uploadId: 'upload-1234' }));
    expect(useImport.getState()).toMatchObject({ step: 'check', mapping: ['name', 'phone'], hasHeader: true });
  });

  it('keeps progress that arrived before the start was answered, and never goes back to running', async () => {
    useImport.setState({ preview, mapping: ['name', 'phone'] });
    useImport.getState().applyProgress(job({ status: 'completed', processed: 700, summary: { added: 700, updated: 0, skipped: 0, rejected: 0 } }));
    callMock.mockResolvedValue(job({ processed: 0 }));
    await useImport.getState().start();
    expect(useImport.getState().job).toMatchObject({ status: 'completed', processed: 700 });
    useImport.getState().applyProgress(job({ processed: 350 }));
    expect(useImport.getState().job?.status).toBe('completed');
  });

  it('says nobody stated consent when the owner agreed to nothing', async () => {
    useImport.setState({ preview, mapping: ['name', 'phone'] });
    callMock.mockResolvedValue(job({}));
    await useImport.getState().start();
    expect(callMock).toHaveBeenCalledWith('imports.start', expect.objectContaining({
      consent: { sms: 'unknown', email: 'unknown', source: 'No consent stated when imported' },
      hasHeader: true,
      mergeRule: 'fill_empty',
    }));
  });

  it('reads a consent column’s values in the whole file, and sends their meaning, the file’s country and name order', async () => {
    useImport.setState({ preview: { ...preview, headers: ['Name', 'Mobile', 'Email Subscription Status'] }, mapping: ['name', 'phone', 'ignore'] });
    callMock.mockResolvedValueOnce([{ value: 'unsubscribed', rows: 212 }]);
    useImport.getState().setTarget(2, 'emailConsent');
    await vi.waitFor(() => expect(useImport.getState().columnValues[2]).toEqual([{ value: 'unsubscribed', rows: 212 }]));
    expect(callMock).toHaveBeenCalledWith('imports.columnValues', { uploadId: 'upload-1234', encoding: 'utf-8', delimiter: ',', hasHeader: true, column: 2 });
    useImport.getState().setOptions({ consentValues: { pending: 'opted_out' }, country: 'FR', nameOrder: 'family_first' });
    callMock.mockResolvedValue(job({}));
    await useImport.getState().start();
    expect(callMock).toHaveBeenCalledWith('imports.start', expect.objectContaining({
      mapping: ['name', 'phone', 'emailConsent'],
      consentValues: { pending: 'opted_out' },
      country: 'FR',
      nameOrder: 'family_first',
    }));
  });

  it('leaves the country out when the file is from the salon’s own country', async () => {
    useImport.setState({ preview, mapping: ['name', 'phone'] });
    callMock.mockResolvedValue(job({}));
    await useImport.getState().start();
    expect(callMock.mock.calls[0]?.[1]).not.toHaveProperty('country');
  });
});
