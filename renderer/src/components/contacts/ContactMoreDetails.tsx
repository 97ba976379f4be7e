import { Button, Collapse, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { BRIEF_FIELDS } from '../../../../shared/contacts';
import type { ApiError } from '../../api/ApiError';
import { useCall } from '../../hooks/useCall';
import type { ContactDraft } from '../../lib/contactDraft';
import { labelOf } from '../../lib/fields';

interface ContactMoreDetailsProps {
  draft: ContactDraft;
  onChange(change: Partial<ContactDraft>): void;
  error: ApiError | null;
}

/** The less used fields, folded away: client since, the lead and booking fields, custom fields. */
export function ContactMoreDetails({ draft, onChange, error }: ContactMoreDetailsProps) {
  const briefFilled = BRIEF_FIELDS.some((field) => draft.brief[field] !== '');
  const [opened, { toggle }] = useDisclosure(briefFilled || error?.concernsAnyOf([...BRIEF_FIELDS, 'clientSince', 'customFields']));
  const known = useCall('customFields.list', {});
  const customKeys = [...new Set([...(known.data ?? []), ...Object.keys(draft.customFields)])].sort();

  return (
    <Stack gap="xs">
      <Button variant="subtle" size="compact-sm" onClick={toggle} aria-expanded={opened} w="fit-content" px={0}>
        {opened ? '▾ Fewer details' : '▸ More details'}
      </Button>
      <Collapse expanded={opened}>
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <TextInput
              label={labelOf('clientSince')}
              type="date"
              value={draft.clientSince}
              onChange={(event) => onChange({ clientSince: event.currentTarget.value })}
              error={error?.issueFor('clientSince')}
            />
            {BRIEF_FIELDS.map((field) => (
              <TextInput
                key={field}
                label={labelOf(field)}
                value={draft.brief[field]}
                onChange={(event) => onChange({ brief: { ...draft.brief, [field]: event.currentTarget.value } })}
                error={error?.issueFor(field)}
              />
            ))}
            {customKeys.map((key) => (
              <TextInput
                key={`custom:${key}`}
                label={key}
                description="Custom field"
                value={draft.customFields[key] ?? ''}
                onChange={(event) => onChange({ customFields: { ...draft.customFields, [key]: event.currentTarget.value } })}
                error={error?.issueFor(`customFields.${key}`)}
              />
            ))}
          </SimpleGrid>
        </Stack>
      </Collapse>
    </Stack>
  );
}
