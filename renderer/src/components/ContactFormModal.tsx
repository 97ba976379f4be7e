import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ContactDto } from '../../../shared/dto';
import { ApiError, toApiError } from '../api/ApiError';
import type { Dialog } from '../hooks/useDialog';
import { countryName } from '../lib/countries';
import { formatPhone } from '../lib/format';
import { useContacts } from '../stores/contacts';
import { useSettings } from '../stores/settings';
import { showToast } from '../stores/toasts';
import { ErrorAlert } from './ErrorAlert';

/** 'new' to add a client, or the contact to edit. */
export type ContactFormTarget = ContactDto | 'new';

/** One form for adding and editing a client. */
export function ContactFormModal({ dialog }: { dialog: Dialog<ContactFormTarget> }) {
  const contact = dialog.target === 'new' ? null : dialog.target;
  return (
    <Modal opened={dialog.opened} onClose={dialog.close} title={contact ? 'Edit client' : 'Add client'} centered>
      <ContactForm key={dialog.openCount} contact={contact} onDone={dialog.close} />
    </Modal>
  );
}

const FIELDS = ['name', 'phone', 'email'] as const;

function ContactForm({ contact, onDone }: { contact: ContactDto | null; onDone(): void }) {
  const { country } = useSettings();
  const [fields, setFields] = useState({
    name: contact?.name ?? '',
    phone: contact?.phone ? formatPhone(contact.phone, country) : '',
    email: contact?.email ?? '',
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  const change = (field: (typeof FIELDS)[number]) => (event: { currentTarget: HTMLInputElement }) => {
    const { value } = event.currentTarget;
    setFields((current) => ({ ...current, [field]: value }));
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setSaving(true);
    try {
      const saved = await useContacts.getState().save({ id: contact?.id, ...fields });
      showToast(`${saved.name} was ${contact ? 'updated' : 'added'}.`);
      onDone();
    } catch (caught) {
      setError(toApiError(caught));
      setSaving(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {error && !error.concernsAnyOf(FIELDS) && <ErrorAlert error={error} />}
        <TextInput
          label="Name"
          withAsterisk
          value={fields.name}
          onChange={change('name')}
          error={error?.issueFor('name')}
          data-autofocus
        />
        <TextInput
          label="Mobile number"
          type="tel"
          description={`Numbers without a + country code are read as ${countryName(country)} numbers.`}
          value={fields.phone}
          onChange={change('phone')}
          error={error?.issueFor('phone')}
        />
        <TextInput
          label="Email"
          type="email"
          value={fields.email}
          onChange={change('email')}
          error={error?.issueFor('email')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
