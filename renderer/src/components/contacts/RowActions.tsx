import { ActionIcon, Menu } from '@mantine/core';
import { useState } from 'react';
import type { ContactDto } from '../../../../shared/dto';

interface RowActionsProps {
  contact: ContactDto;
  onOpen(contact: ContactDto): void;
  onEdit(contact: ContactDto): void;
  onDelete(contact: ContactDto): void;
}

/**
 * A client row's "⋯" menu. The menu itself is only built once it is asked for: a list scrolled fast
 * mounts dozens of rows a second, and a plain button is much lighter than a menu.
 */
export function RowActions({ contact, onOpen, onEdit, onDelete }: RowActionsProps) {
  const [opened, setOpened] = useState(false);
  const button = (
    <ActionIcon variant="subtle" color="gray" aria-label={`More for ${contact.name}`} onClick={() => setOpened(true)}>
      ⋯
    </ActionIcon>
  );
  if (!opened) return button;
  return (
    <Menu opened onChange={setOpened} position="bottom-end" withinPortal>
      <Menu.Target>{button}</Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => onOpen(contact)}>Open</Menu.Item>
        <Menu.Item onClick={() => onEdit(contact)}>Edit</Menu.Item>
        <Menu.Item color="red" onClick={() => onDelete(contact)}>
          Delete
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
