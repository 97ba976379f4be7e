import { Button, Group, Modal, NumberInput, SimpleGrid, Stack, TagsInput, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ContactDto } from '../../../../shared/dto';
import { ApiError, toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { validateInput } from '../../api/validate';
import { useCall } from '../../hooks/useCall';
import type { Dialog } from '../../hooks/useDialog';
import { birthdayProblem, draftFrom, toCreateInput, toUpdateInput, type ContactDraft } from '../../lib/contactDraft';
import { countryName } from '../../lib/countries';
import { ABOVE_DRAWER } from '../../lib/layers';
import { currencySymbol, typedDigits } from '../../lib/money';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { showToast } from '../../stores/toasts';
import { BirthdayInput } from './BirthdayInput';
import { ContactMoreDetails } from './ContactMoreDetails';
import { ErrorAlert } from '../ui/ErrorAlert';
import { NewClientConsent } from './NewClientConsent';

/** 'new' to add a client, or the contact to edit. */
export type ContactFormTarget = ContactDto | 'new';

interface ContactFormModalProps {
  dialog: Dialog<ContactFormTarget>;
  /** After a successful save, with what the core stored. */
  onSaved(contact: ContactDto): void;
}

/** One form for adding and editing a client. */
export function ContactFormModal({ dialog, onSaved }: ContactFormModalProps) {
  const contact = dialog.target === 'new' ? null : dialog.target;
  return (
    <Modal opened={dialog.opened} onClose={dialog.close} title={contact ? `Edit ${contact.name}` : 'Add client'} size="lg" centered zIndex={ABOVE_DRAWER}>
      <ContactForm key={dialog.openCount} contact={contact} onSaved={onSaved} onDone={dialog.close} />
    </Modal>
  );
}

/** Fields with their own input; a problem anywhere else is shown above the form. */
const FIELDS = [
  'name', 'firstName', 'lastName', 'phone', 'email', 'birthday', 'clientSince', 'lastVisitAt', 'nextAppointmentAt', 'visitCount',
  'totalSpentCents', 'notes', 'tags', 'customFields', 'leadSource', 'market', 'product', 'leadStatus', 'state', 'zip',
  'conversationStatus', 'appointmentStatus',
];

interface ContactFormProps {
  contact: ContactDto | null;
  onSaved(contact: ContactDto): void;
  onDone(): void;
}

function ContactForm({ contact, onSaved, onDone }: ContactFormProps) {
  const { country, money } = useSalonFormat();
  const [initial] = useState(() => draftFrom(contact, country));
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const tags = useCall('tags.list', {});
  const edit = (change: Partial<ContactDraft>): void => setDraft((current) => ({ ...current, ...change }));
  const text = (field: 'name' | 'firstName' | 'lastName' | 'phone' | 'email' | 'lastVisitAt' | 'nextAppointmentAt' | 'notes') => ({
    value: draft[field],
    onChange: (event: { currentTarget: { value: string } }) => edit({ [field]: event.currentTarget.value }),
    error: error?.issueFor(field),
  });

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const problem = birthdayProblem(draft.birthday);
    if (problem) {
      setError(new ApiError({ code: 'invalid_input', message: problem, issues: [{ path: 'birthday', message: problem }] }));
      return;
    }
    const invalid = contact
      ? validateInput('contacts.update', toUpdateInput(contact.id, initial, draft))
      : validateInput('contacts.create', toCreateInput(draft));
    setError(invalid);
    if (invalid) return;
    setSaving(true);
    try {
      const saved = contact
        ? await call('contacts.update', toUpdateInput(contact.id, initial, draft))
        : await call('contacts.create', toCreateInput(draft));
      showToast(`${saved.name} was ${contact ? 'updated' : 'added'}.`);
      onSaved(saved);
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
        <TextInput label="Name" withAsterisk description="As you call them, e.g. “Ana Lopez”." {...text('name')} data-autofocus />
        <SimpleGrid cols={2}>
          <TextInput label="First name" {...text('firstName')} />
          <TextInput label="Last name" {...text('lastName')} />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <TextInput
            label="Mobile number"
            type="tel"
            description={`A number without + is read as ${countryName(country)}.`}
            {...text('phone')}
          />
          <TextInput label="Email" type="email" description="For email broadcasts." {...text('email')} />
        </SimpleGrid>
        {!contact && <NewClientConsent value={draft.consent} onChange={(consent) => edit({ consent })} />}
        <BirthdayInput value={draft.birthday} onChange={(birthday) => edit({ birthday })} error={error?.issueFor('birthday')} />
        <SimpleGrid cols={2}>
          <TextInput label="Last visit" type="date" {...text('lastVisitAt')} />
          <TextInput label="Next appointment" type="date" {...text('nextAppointmentAt')} />
          <NumberInput
            label="Visits"
            min={0}
            allowDecimal={false}
            allowNegative={false}
            value={draft.visitCount}
            onChange={(visitCount) => edit({ visitCount })}
            error={error?.issueFor('visitCount')}
          />
          <NumberInput
            label="Total spent"
            prefix={currencySymbol(money)}
            min={0}
            decimalScale={typedDigits(money.currency)}
            allowNegative={false}
            thousandSeparator=","
            value={draft.totalSpent}
            onChange={(totalSpent) => edit({ totalSpent })}
            error={error?.issueFor('totalSpentCents')}
          />
        </SimpleGrid>
        <TagsInput
          label="Tags"
          description="Type a tag and press Enter, e.g. “Colour” or “VIP”."
          data={tags.data?.map(({ name }) => name) ?? []}
          value={draft.tags}
          onChange={(chosen) => edit({ tags: chosen })}
          error={error?.issueFor('tags')}
          clearable
        />
        <Textarea label="Notes" autosize minRows={2} maxRows={6} {...text('notes')} />
        <ContactMoreDetails draft={draft} onChange={edit} error={error} />
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
