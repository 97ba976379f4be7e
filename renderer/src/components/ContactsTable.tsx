import { Button, Group, Table, Text } from '@mantine/core';
import type { ContactDto } from '../../../shared/dto';
import { formatPhone } from '../lib/format';
import { useSettings } from '../stores/settings';
import { TableFrame } from './TableFrame';

interface ContactsTableProps {
  contacts: readonly ContactDto[];
  onEdit(contact: ContactDto): void;
  onDelete(contact: ContactDto): void;
}

export function ContactsTable({ contacts, onEdit, onDelete }: ContactsTableProps) {
  const { country } = useSettings();
  return (
    <TableFrame minWidth={640}>
        <Table highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Mobile number</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {contacts.map((contact) => (
              <Table.Tr key={contact.id}>
                <Table.Td fw={500}>{contact.name}</Table.Td>
                <Table.Td>{contact.phone ? formatPhone(contact.phone, country) : <None />}</Table.Td>
                <Table.Td>{contact.email ?? <None />}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button variant="subtle" size="xs" onClick={() => onEdit(contact)} aria-label={`Edit ${contact.name}`}>
                      Edit
                    </Button>
                    <Button
                      variant="subtle"
                      color="red"
                      size="xs"
                      onClick={() => onDelete(contact)}
                      aria-label={`Delete ${contact.name}`}
                    >
                      Delete
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
    </TableFrame>
  );
}

function None() {
  return (
    <Text c="dimmed" span>
      —
    </Text>
  );
}
