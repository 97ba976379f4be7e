import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AutomationDto } from '../../../shared/automations';
import { editOf } from '../lib/automations';
import { testAutomation } from '../lib/testAutomation';

const callMock = vi.fn();
vi.mock('../api/client', () => ({ call: (...args: unknown[]) => callMock(...args) }));
const { useAutomations } = await import('./automations');

const automation = (id: number, change: Partial<AutomationDto> = {}) => testAutomation(id, { name: `Automation ${id}`, ...change });

describe('the automations store', () => {
  beforeEach(() => {
    callMock.mockReset();
    useAutomations.setState({ items: null, loadError: null });
  });

  it('loads the list, and keeps the error when the core cannot answer', async () => {
    callMock.mockResolvedValueOnce([automation(1), automation(2)]);
    await useAutomations.getState().load();
    expect(useAutomations.getState().items?.map(({ id }) => id)).toEqual([1, 2]);
    callMock.mockRejectedValueOnce(new Error('down'));
    await useAutomations.getState().load();
    expect(useAutomations.getState().loadError?.message).toBe('Something went wrong. Please try again.');
    expect(useAutomations.getState().items).toHaveLength(2);
  });

  it('shows a switched automation in place, in the same order', async () => {
    useAutomations.setState({ items: [automation(1), automation(2)] });
    callMock.mockResolvedValueOnce(automation(1, { enabled: true }));
    await useAutomations.getState().setEnabled(1, true);
    expect(callMock).toHaveBeenCalledWith('automations.setEnabled', { id: 1, enabled: true });
    expect(useAutomations.getState().items?.map(({ id, enabled }) => [id, enabled])).toEqual([
      [1, true],
      [2, false],
    ]);
  });

  it('adds one opened before the list was loaded', () => {
    useAutomations.getState().upsert(automation(3));
    expect(useAutomations.getState().items?.map(({ id }) => id)).toEqual([3]);
  });

  it('checks the form before saving, reporting problems on their fields', async () => {
    useAutomations.setState({ items: [automation(1)] });
    const edit = { ...editOf(automation(1)), name: ' ', days: 1.5 };
    await expect(useAutomations.getState().update(1, edit)).rejects.toMatchObject({ code: 'invalid_input' });
    const error = await useAutomations
      .getState()
      .update(1, edit)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ issues: expect.arrayContaining([expect.objectContaining({ path: 'automation.name' })]) });
    expect(callMock).not.toHaveBeenCalled();

    callMock.mockResolvedValueOnce(automation(1, { name: 'Birthday treat' }));
    await useAutomations.getState().update(1, { ...editOf(automation(1)), name: 'Birthday treat' });
    expect(useAutomations.getState().items?.[0]?.name).toBe('Birthday treat');
  });
});
