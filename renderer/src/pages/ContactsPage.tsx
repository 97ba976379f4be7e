import { Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import type { ContactDto } from '../../../shared/dto';
import { toApiError } from '../api/ApiError';
import { call } from '../api/client';
import { BulkConsentModal } from '../components/contacts/BulkConsentModal';
import { BulkTagModal, type BulkTagAction, type BulkTarget } from '../components/contacts/BulkTagModal';
import { ConfirmModal } from '../components/ui/ConfirmModal';
import { ConsentChangeModal, type ConsentChange } from '../components/contacts/ConsentChangeModal';
import { ContactDrawer } from '../components/contacts/ContactDrawer';
import { ContactFormModal, type ContactFormTarget } from '../components/contacts/ContactFormModal';
import { ContactSortSelect } from '../components/contacts/ContactSortSelect';
import { ContactsTable } from '../components/contacts/ContactsTable';
import { EmptyState } from '../components/ui/EmptyState';
import { ErrorAlert } from '../components/ui/ErrorAlert';
import { PageHeader } from '../components/ui/PageHeader';
import { SelectionBar } from '../components/contacts/SelectionBar';
import { TagFilter } from '../components/contacts/TagFilter';
import { useContactsExport } from '../hooks/useContactsExport';
import { useDialog } from '../hooks/useDialog';
import { useSelection } from '../hooks/useSelection';
import { countOf, formatCount } from '../lib/format';
import { NOTHING_SELECTED, selectAllMatching, selectedCount, toggle } from '../lib/selection';
import { useContacts, type ContactQuery, type ContactSort } from '../stores/contacts';
import { useImport } from '../stores/importWizard';
import { navigate } from '../stores/navigation';
import { showToast } from '../stores/toasts';

const SEARCH_DELAY_MS = 300;
const importClients = (): void => {
  useImport.getState().resetIfFinished();
  navigate({ page: 'importClients' });
};

/** `openId`: a client to open straight away, e.g. from a link on the Replies page (#/contacts/7). */
export function ContactsPage({ openId }: { openId?: number } = {}) {
  const [searchText, setSearchText] = useState('');
  const [search] = useDebouncedValue(searchText.trim(), SEARCH_DELAY_MS);
  const [tag, setTag] = useState<string | null>(null);
  const [order, setOrder] = useState<Pick<ContactQuery, 'sort' | 'direction'>>({ sort: 'name', direction: 'asc' });
  /** Bumped after every save, so an open client drawer shows the latest. */
  const [saves, setSaves] = useState(0);
  const { total, pages, searching, error, query, setQuery, showRows, reload } = useContacts();
  const [selection, setSelection] = useSelection(`${search}|${tag ?? ''}|${order.sort}|${order.direction}`);
  const form = useDialog<ContactFormTarget>();
  const drawer = useDialog<ContactDto>();
  const confirmDelete = useDialog<ContactDto>();
  const consentChange = useDialog<ConsentChange>();
  const bulkTag = useDialog<BulkTagAction>();
  const bulkConsent = useDialog<'granted' | 'opted_out'>();
  const { exporting, exportClients } = useContactsExport();
  const [deleting, setDeleting] = useState(false);

  useEffect(() => {
    setQuery({ search, tag, ...order });
  }, [search, tag, order, setQuery]);

  const openDrawer = drawer.open;
  useEffect(() => {
    if (openId === undefined) return;
    let current = true;
    call('contacts.get', { id: openId }).then(
      (contact) => current && openDrawer(contact),
      (caught: unknown) => current && showToast(toApiError(caught).message, 'error'),
    );
    return () => {
      current = false;
    };
    // Opened once per link followed; the drawer's own functions change at every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [openId]);

  /** Closing a client opened by a link goes back to the plain list, so the link can be followed again. */
  const closeDrawer = (): void => {
    drawer.close();
    if (openId !== undefined) navigate({ page: 'contacts' });
  };

  const saved = useCallback((): void => {
    reload();
    setSaves((count) => count + 1);
  }, [reload]);

  const sortBy = (sort: ContactSort): void =>
    setOrder((current) =>
      current.sort === sort
        ? { sort, direction: current.direction === 'asc' ? 'desc' : 'asc' }
        : { sort, direction: sort === 'name' ? 'asc' : 'desc' },
    );

  /** Every client the list shows: its search and tag. */
  const shown: BulkTarget = { kind: 'matching', search: query.search, ...(query.tag !== null && { tag: query.tag }) };
  const bulkTarget: BulkTarget = selection.kind === 'some' ? { kind: 'ids', ids: [...selection.ids] } : { ...shown, except: [...selection.except] };
  const bulkDone = (): void => {
    saved();
    setSelection(() => NOTHING_SELECTED);
  };

  const remove = async (contact: ContactDto): Promise<void> => {
    setDeleting(true);
    try {
      await call('contacts.delete', { id: contact.id });
      showToast(`${contact.name} was deleted.`);
      if (drawer.target?.id === contact.id) drawer.close();
      reload();
    } catch (caught) {
      showToast(toApiError(caught).message, 'error');
    } finally {
      setDeleting(false);
      confirmDelete.close();
    }
  };

  const addClient = (): void => form.open('new');
  const loaded = total !== null;
  const filtered = query.search !== '' || query.tag !== null;
  const noClientsAtAll = loaded && total === 0 && !filtered;
  const selected = selectedCount(selection, total ?? 0);
  const toDelete = confirmDelete.target;

  return (
    <Stack gap="md">
      <PageHeader
        title="Contacts"
        description={loaded ? describeTotal(total, query) : 'Your clients and how to reach them.'}
        actions={
          <>
            {loaded && total > 0 && (
              <Button variant="default" onClick={() => void exportClients(shown)} loading={exporting && selected === 0}>
                {filtered ? `Export these ${formatCount(total)}` : 'Export all'}
              </Button>
            )}
            <Button variant="default" onClick={importClients}>
              Import clients
            </Button>
            <Button onClick={addClient}>Add client</Button>
          </>
        }
      />
      {!noClientsAtAll && (
        <Group gap="sm" align="flex-end">
          <TextInput
            label="Search clients"
            placeholder="Name, mobile number or email"
            value={searchText}
            onChange={(event) => setSearchText(event.currentTarget.value)}
            w={420}
          />
          <TagFilter value={tag} onChange={setTag} refresh={saves} />
          <ContactSortSelect value={order} onChange={setOrder} />
          {searching && <Loader size="xs" mb={10} aria-label="Searching" />}
        </Group>
      )}
      <ErrorAlert error={error} />
      {!loaded && !error && <Loader aria-label="Loading clients" />}
      {noClientsAtAll && (
        <EmptyState
          title="No clients yet"
          description="Add your clients with their mobile number or email address, or import them from a spreadsheet. Then you can send them a text or an email all at once."
          action={{ label: 'Add your first client', onClick: addClient }}
          secondaryAction={{ label: 'Import clients from a file', onClick: importClients }}
        />
      )}
      {loaded && total === 0 && filtered && (
        <EmptyState
          title={query.search === '' ? `No clients are tagged “${query.tag ?? ''}”` : `No clients match “${query.search}”`}
          description={
            query.tag === null
              ? 'Check the spelling, or search by part of the mobile number or email address.'
              : 'Check the spelling, or clear the tag to search every client.'
          }
          action={query.tag === null ? undefined : { label: 'Clear the tag', onClick: () => setTag(null) }}
        />
      )}
      {selected > 0 && (
        <SelectionBar
          selected={selected}
          total={total ?? 0}
          allMatching={selection.kind === 'allMatching'}
          onSelectAll={() => setSelection(selectAllMatching)}
          onTag={bulkTag.open}
          onConsent={bulkConsent.open}
          onExport={() => void exportClients(bulkTarget)}
          exporting={exporting}
          onClear={() => setSelection(() => NOTHING_SELECTED)}
        />
      )}
      {loaded && total > 0 && (
        <ContactsTable
          total={total}
          pages={pages}
          query={query}
          selection={selection}
          onToggle={(id) => setSelection((current) => toggle(current, id))}
          onToggleAll={() => setSelection(() => (selected > 0 ? NOTHING_SELECTED : selectAllMatching()))}
          onSort={sortBy}
          onShowRows={showRows}
          onOpen={drawer.open}
          onEdit={form.open}
          onDelete={confirmDelete.open}
        />
      )}

      <ContactFormModal dialog={form} onSaved={saved} />
      <ContactDrawer
        dialog={{ ...drawer, close: closeDrawer }}
        refresh={saves}
        onEdit={form.open}
        onDelete={confirmDelete.open}
        onChangeConsent={consentChange.open}
        onChanged={saved}
      />
      <ConsentChangeModal dialog={consentChange} onChanged={saved} />
      <BulkTagModal dialog={bulkTag} count={selected} target={bulkTarget} onDone={bulkDone} />
      <BulkConsentModal dialog={bulkConsent} count={selected} target={bulkTarget} onDone={bulkDone} />
      {toDelete && (
        <ConfirmModal
          opened={confirmDelete.opened}
          title={`Delete ${toDelete.name}?`}
          confirmLabel="Delete"
          danger
          busy={deleting}
          onConfirm={() => void remove(toDelete)}
          onCancel={confirmDelete.close}
        >
          <Text>
            {toDelete.name} will be removed from your client list and will not get future broadcasts. This cannot be
            undone.
          </Text>
        </ConfirmModal>
      )}
    </Stack>
  );
}

function describeTotal(total: number, { search, tag }: ContactQuery): string {
  const tagged = tag === null ? '' : ` tagged “${tag}”`;
  if (search === '') return tag === null ? `You have ${countOf(total, 'client')}.` : `${countOf(total, 'client')}${tagged}.`;
  return `${countOf(total, 'client')}${tagged} match “${search}”.`;
}
