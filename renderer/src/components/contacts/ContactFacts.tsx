import { SimpleGrid, Stack, Text } from '@mantine/core';
import { BRIEF_FIELDS } from '../../../shared/contacts';
import type { ContactDto } from '../../../shared/dto';
import { labelOf } from '../lib/fields';
import { formatBirthday, formatDate, formatPhone } from '../lib/format';
import { formatMoney } from '../lib/money';
import { useSettings } from '../stores/settings';

/** A client's details, label above value; empty fields are left out. */
export function ContactFacts({ contact }: { contact: ContactDto }) {
  const { country } = useSettings();
  const facts: Array<[string, string | null]> = [
    [labelOf('phone'), contact.phone && formatPhone(contact.phone, country)],
    [labelOf('email'), contact.email],
    [labelOf('firstName'), contact.firstName],
    [labelOf('lastName'), contact.lastName],
    [labelOf('birthday'), contact.birthday && formatBirthday(contact.birthday)],
    [labelOf('lastVisitAt'), contact.lastVisitAt && formatDate(contact.lastVisitAt)],
    [labelOf('visitCount'), contact.visitCount === null ? null : String(contact.visitCount)],
    [labelOf('totalSpentCents'), contact.totalSpentCents === null ? null : formatMoney(contact.totalSpentCents, country)],
    [labelOf('clientSince'), contact.clientSince && formatDate(contact.clientSince)],
    ...BRIEF_FIELDS.map((field): [string, string | null] => [labelOf(field), contact[field]]),
    ...Object.entries(contact.customFields).map(([key, value]): [string, string | null] => [key, value || null]),
    [labelOf('createdAt'), formatDate(contact.createdAt)],
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
