import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MethodInput } from '../../../shared/contract';
import type { ContactDto, ContactListDto } from '../../../shared/dto';

const callMock = vi.fn<(method: string, input: MethodInput<'contacts.list'>) => Promise<ContactListDto>>();
vi.mock('../api/client', () => ({ call: (method: string, input: MethodInput<'contacts.list'>) => callMock(method, input) }));
const { contactAt, INITIAL_QUERY, PAGE_SIZE, useContacts } = await import('./contacts');

const TOTAL = 100_000;
const contact = (id: number) => ({ id, name: `Client ${id}` }) as ContactDto;
/** Answers like the core over TOTAL clients: ids are the row positions. */
const page = async (_method: string, { limit = PAGE_SIZE, offset = 0 }: MethodInput<'contacts.list'>): Promise<ContactListDto> => ({
  total: TOTAL,
  contacts: Array.from({ length: Math.max(0, Math.min(limit, TOTAL - offset)) }, (_, i) => contact(offset + i)),
});
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the contact list', () => {
  beforeEach(() => {
    callMock.mockReset();
    callMock.mockImplementation(page);
    useContacts.setState({ total: null, pages: new Map(), error: null });
  });

  it('loads only the pages on screen, and forgets far-away ones', async () => {
    const list = useContacts.getState();
    list.setQuery(INITIAL_QUERY);
    await settle();
    expect(useContacts.getState().total).toBe(TOTAL);
    expect(callMock).toHaveBeenCalledTimes(1);

    for (let row = 0; row < 20 * PAGE_SIZE; row += PAGE_SIZE) {
      list.showRows(row, row + 15);
      await settle();
    }
    const { pages } = useContacts.getState();
    expect(pages.size).toBeLessThanOrEqual(8);
    expect(contactAt(pages, 19 * PAGE_SIZE + 3)?.id).toBe(19 * PAGE_SIZE + 3);
    expect(contactAt(pages, 3)).toBeUndefined();
  });

  it('asks for the clients of the tag picked, and for all again once it is cleared', async () => {
    const list = useContacts.getState();
    list.setQuery({ ...INITIAL_QUERY, search: 'ana', tag: 'VIP' });
    await settle();
    expect(callMock).toHaveBeenLastCalledWith('contacts.list', expect.objectContaining({ search: 'ana', tag: 'VIP' }));
    list.setQuery({ ...INITIAL_QUERY, search: 'ana' });
    await settle();
    expect(callMock.mock.lastCall?.[1]).not.toHaveProperty('tag');
  });

  it('asks for a page once however often it is on screen', async () => {
    const list = useContacts.getState();
    list.setQuery(INITIAL_QUERY);
    list.showRows(0, 15);
    list.showRows(2, 17);
    await settle();
    expect(callMock).toHaveBeenCalledTimes(1);
  });

  it('never lets the answer to an older search replace a newer one', async () => {
    let answerOld: (value: ContactListDto) => void = () => undefined;
    callMock.mockImplementationOnce(() => new Promise((resolve) => (answerOld = resolve)));
    const list = useContacts.getState();
    list.setQuery({ ...INITIAL_QUERY, search: 'an' });
    list.setQuery({ ...INITIAL_QUERY, search: 'ana' });
    await settle();
    answerOld({ total: 999, contacts: [contact(999)] });
    await settle();
    expect(useContacts.getState().total).toBe(TOTAL);
    expect(useContacts.getState().query.search).toBe('ana');
  });
});
