import { Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { BRIEF_FIELDS } from '../../../../shared/contacts';
import type { ContactDto } from '../../../../shared/dto';
import { labelOf } from '../../lib/fields';
import { formatBirthday, formatDate, formatPhone } from '../../lib/format';
import { formatCents } from '../../lib/money';
import { useSalonFormat } from '../../hooks/useSalonFormat';

/** A client's details, label above value; empty fields are left out. */
export function ContactFacts({ contact }: { contact: ContactDto }) {
  const { country, locale, money } = useSalonFormat();
  const facts: Array<[string, string | null]> = [
    [labelOf('phone'), contact.phone && formatPhone(contact.phone, country)],
    [labelOf('email'), contact.email],
    [labelOf('firstName'), contact.firstName],
    [labelOf('lastName'), contact.lastName],
    [labelOf('birthday'), contact.birthday && formatBirthday(contact.birthday, locale)],
    [labelOf('lastVisitAt'), contact.lastVisitAt && formatDate(contact.lastVisitAt, locale)],
    [labelOf('nextAppointmentAt'), contact.nextAppointmentAt && formatDate(contact.nextAppointmentAt, locale)],
    [labelOf('visitCount'), contact.visitCount === null ? null : String(contact.visitCount)],
    [labelOf('totalSpentCents'), contact.totalSpentCents === null ? null : formatCents(contact.totalSpentCents, money)],
    [labelOf('clientSince'), contact.clientSince && formatDate(contact.clientSince, locale)],
    ...BRIEF_FIELDS.map((field): [string, string | null] => [labelOf(field), contact[field]]),
    ...Object.entries(contact.customFields).map(([key, value]): [string, string | null] => [key, value || null]),
    [labelOf('createdAt'), formatDate(contact.createdAt, locale)],
  ];
  return (
    <Stack gap="sm">
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
        {facts
          .filter((fact): fact is [string, string] => Boolean(fact[1]))
          .map(([label, value]) => (
            <Stack key={label} gap={0}>
              <Text size="xs" c="dimmed">
                {label}
              </Text>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {value}
              </Text>
            </Stack>
          ))}
      </SimpleGrid>
      {contact.emailNote && (
        <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="email-note">
          <Badge color="yellow" variant="light" style={{ flexShrink: 0 }}>
            Special email
          </Badge>
          <Text size="xs" c="dimmed">
            {contact.emailNote}
          </Text>
        </Group>
      )}
      {contact.notes && (
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {labelOf('notes')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {contact.notes}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
