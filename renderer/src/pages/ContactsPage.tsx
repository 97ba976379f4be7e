import { Button, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { ContactDto } from '../../../shared/dto';
import { toApiError } from '../api/ApiError';
import { ConfirmModal } from '../components/ConfirmModal';
import { ContactFormModal, type ContactFormTarget } from '../components/ContactFormModal';
import { ContactsTable } from '../components/ContactsTable';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useDialog } from '../hooks/useDialog';
import { countOf } from '../lib/format';
import { useContacts } from '../stores/contacts';
import { showToast } from '../stores/toasts';

const SEARCH_DELAY_MS = 300;

export function ContactsPage() {
  const [searchText, setSearchText] = useState('');
  const [search] = useDebouncedValue(searchText.trim(), SEARCH_DELAY_MS);
  const contacts = useContacts((state) => state.contacts);
  const total = useContacts((state) => state.total);
  const loaded = useContacts((state) => state.loaded);
  const error = useContacts((state) => state.error);
  const load = useContacts((state) => state.load);
  const form = useDialog<ContactFormTarget>();
  const confirmDelete = useDialog<ContactDto>();
  const [deletingBusy, setDeletingBusy] = useState(false);

  useEffect(() => {
    void load(search);
  }, [load, search]);

  const remove = async (contact: ContactDto): Promise<void> => {
    setDeletingBusy(true);
    try {
      await useContacts.getState().remove(contact);
      showToast(`${contact.name} was deleted.`);
    } catch (caught) {
      showToast(toApiError(caught).message, 'error');
    } finally {
      setDeletingBusy(false);
      confirmDelete.close();
    }
  };

  const addClient = (): void => form.open('new');
  const deleting = confirmDelete.target;
  const noClientsAtAll = loaded && total === 0 && search === '';

  return (
    <Stack gap="lg">
      <PageHeader
        title="Contacts"
        description={loaded ? countTotal(total, search) : 'Your clients and how to reach them.'}
        actions={<Button onClick={addClient}>Add client</Button>}
      />
      {!noClientsAtAll && (
        <TextInput
          label="Search clients"
          placeholder="Name, mobile number or email"
          value={searchText}
          onChange={(event) => setSearchText(event.currentTarget.value)}
          maw={420}
        />
      )}
      <ErrorAlert error={error} />
      {!loaded && !error && <Loader aria-label="Loading clients" />}
      {noClientsAtAll && (
        <EmptyState
          title="No clients yet"
          description="Add your clients with their mobile number or email address. Then you can send them all a text or an email at once."
          action={{ label: 'Add your first client', onClick: addClient }}
        />
      )}
      {loaded && total === 0 && search !== '' && (
        <EmptyState
          title={`No clients match “${search}”`}
          description="Check the spelling, or search by part of the mobile number or email address."
        />
      )}
      {contacts.length > 0 && (
        <>
          <ContactsTable contacts={contacts} onEdit={form.open} onDelete={confirmDelete.open} />
          {contacts.length < total && (
            <Text size="sm" c="dimmed">
              Showing the first {contacts.length}. Search to find the others.
            </Text>
          )}
        </>
      )}

      <ContactFormModal dialog={form} />
      {deleting && (
        <ConfirmModal
          opened={confirmDelete.opened}
          title={`Delete ${deleting.name}?`}
          confirmLabel="Delete"
          danger
          busy={deletingBusy}
          onConfirm={() => void remove(deleting)}
          onCancel={confirmDelete.close}
        >
          <Text>
            {deleting.name} will be removed from your client list and will not get future broadcasts. This cannot be
            undone.
          </Text>
        </ConfirmModal>
      )}
    </Stack>
  );
}

function countTotal(total: number, search: string): string {
  return search === '' ? `You have ${countOf(total, 'client')}.` : `${countOf(total, 'client')} match “${search}”.`;
}
