import { Button, Drawer, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { ContactDetailDto, ContactDto } from '../../../../shared/dto';
import { useCall } from '../../hooks/useCall';
import type { Dialog } from '../../hooks/useDialog';
import type { ConsentChange } from './ConsentChangeModal';
import { ErrorAlert } from '../ui/ErrorAlert';
import { AutomationLog } from './AutomationLog';
import { TagList } from './TagList';
import { ClientTimeline } from './ClientTimeline';
import { ContactFacts } from './ContactFacts';
import { ContactReach } from './ContactReach';

interface ContactDrawerProps {
  dialog: Dialog<ContactDto>;
  /** Bumped by the page after any save, so the drawer shows the latest. */
  refresh: number;
  onEdit(contact: ContactDto): void;
  onDelete(contact: ContactDto): void;
  onChangeConsent(change: ConsentChange): void;
  /** Something about the client changed from the drawer itself (a number marked usable for texts). */
  onChanged(): void;
}

/** Everything about one client: whether each channel reaches them and why, their details, and their messages, replies and consent changes. */
export function ContactDrawer({ dialog, ...props }: ContactDrawerProps) {
  const contact = dialog.target;
  return (
    <Drawer
      opened={dialog.opened}
      onClose={dialog.close}
      position="right"
      size={480}
      title={<Title order={3}>{contact?.name}</Title>}
    >
      {contact && <ContactDetail key={contact.id} id={contact.id} {...props} />}
    </Drawer>
  );
}

function ContactDetail({ id, refresh, onEdit, onDelete, onChangeConsent, onChanged }: Omit<ContactDrawerProps, 'dialog'> & { id: number }) {
  const detail = useCall('contacts.get', { id }, refresh);
  if (detail.error) return <ErrorAlert error={detail.error} />;
  if (!detail.data) return <Loader size="sm" aria-label="Loading the client" />;
  const contact: ContactDetailDto = detail.data;

  return (
    <Stack gap="lg">
      <Group gap="xs">
        <Button size="xs" onClick={() => onEdit(contact)}>
          Edit
        </Button>
        <Button size="xs" variant="light" color="red" onClick={() => onDelete(contact)}>
          Delete
        </Button>
      </Group>
      {/* The list says "—" without tags, which reads as a stray dash under the buttons here. */}
      {contact.tags.length > 0 && <TagList tags={contact.tags} />}
      <Section title="Can you message them?">
        <ContactReach contact={contact} onChangeConsent={onChangeConsent} onChanged={onChanged} />
      </Section>
      <Section title="Details">
        <ContactFacts contact={contact} />
      </Section>
      <Section title="Automatic messages">
        <AutomationLog contactId={contact.id} refresh={refresh} />
      </Section>
      <Section title="Messages and consent">
        <ClientTimeline contactId={contact.id} refresh={refresh} />
      </Section>
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap="xs">
      <Text fw={700}>{title}</Text>
      {children}
    </Stack>
  );
}
