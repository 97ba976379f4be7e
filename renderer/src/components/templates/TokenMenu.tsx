import { Button, Menu, Text } from '@mantine/core';
import { ABOVE_DRAWER } from '../../lib/layers';
import { tokenChoices, type TokenChoice } from './tokens';

interface TokenMenuProps {
  /** The field's label, to tell the menus of a form apart. */
  field: string;
  customFields: readonly string[];
  onPick(token: string): void;
}

/** "Insert field": the client details a message can be personalised with. */
export function TokenMenu({ field, customFields, onPick }: TokenMenuProps) {
  const { standard, custom } = tokenChoices(customFields);
  const item = (choice: TokenChoice) => (
    <Menu.Item key={choice.token} onClick={() => onPick(choice.token)}>
      {choice.label}
      {choice.hint && (
        <Text span size="xs" c="dimmed">
          {' '}
          ({choice.hint})
        </Text>
      )}
    </Menu.Item>
  );
  return (
    // Above the template dialog; focus goes back to the field, at the end of the inserted token.
    <Menu position="bottom-start" zIndex={ABOVE_DRAWER + 1} returnFocus={false}>
      <Menu.Target>
        <Button variant="light" size="compact-xs" aria-label={`Insert a field into ${field}`}>
          + Insert field
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Client and salon</Menu.Label>
        {standard.map(item)}
        {custom.length > 0 && <Menu.Label>Your custom fields</Menu.Label>}
        {custom.map(item)}
      </Menu.Dropdown>
    </Menu>
  );
}
