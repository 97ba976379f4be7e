// The client list, virtualised: only the rows on screen are in the page, whatever the total.
import { Paper, Skeleton, Table, Text, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import type { ContactDto } from '../../../../shared/dto';
import { formatCount, formatDate, formatPhone } from '../../lib/format';
import { formatCents } from '../../lib/money';
import { isSelected, selectedCount, type Selection } from '../../lib/selection';
import { contactAt, type ContactQuery, type ContactSort, type Pages } from '../../stores/contacts';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { ConsentBadges } from './ConsentBadges';
import { MiniBadge } from '../ui/MiniBadge';
import { RowActions } from './RowActions';
import { RowCheckbox } from '../ui/RowCheckbox';
import { SortableTh } from '../ui/SortableTh';
import { TagList } from './TagList';

const ROW_HEIGHT = 56;
const OVERSCAN = 6;
const COLUMNS = 10;
const CELL = { fontSize: 'var(--mantine-font-size-sm)', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const;
const RIGHT_CELL = { ...CELL, textAlign: 'right' } as const;
const DIMMED = { color: 'var(--mantine-color-dimmed)' } as const;
/** A number with a mark under it, both within the fixed row height. */
const PHONE_LINE = { ...CELL, lineHeight: '18px' } as const;

interface ContactsTableProps {
  total: number;
  pages: Pages;
  query: ContactQuery;
  selection: Selection;
  onToggle(id: number): void;
  /** The header box: tick every matching client, or clear the selection. */
  onToggleAll(): void;
  onSort(sort: ContactSort): void;
  onShowRows(first: number, last: number): void;
  onOpen(contact: ContactDto): void;
  onEdit(contact: ContactDto): void;
  onDelete(contact: ContactDto): void;
}

export function ContactsTable(props: ContactsTableProps) {
  const { total, pages, query, selection, onShowRows } = props;
  const scroller = useRef<HTMLDivElement>(null);
  // The app does not use the React Compiler; the virtualiser re-renders this table itself as it scrolls.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows.at(-1)?.index ?? 0;

  useEffect(() => onShowRows(first, last), [first, last, onShowRows]);
  // A new search or sort starts from the top.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [query.search, query.sort, query.direction]);

  const paddingTop = rows[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (rows.at(-1)?.end ?? 0);
  const selected = selectedCount(selection, total);
  const sortedBy = (sort: ContactSort) => (query.sort === sort ? query.direction : null);
  const sortable = (sort: ContactSort, label: string, width?: number, right = false) => (
    <SortableTh label={label} active={sortedBy(sort)} onSort={() => props.onSort(sort)} w={width} ta={right ? 'right' : undefined} />
  );

  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <div
        ref={scroller}
        style={{ maxHeight: 'max(360px, calc(100dvh - 330px))', overflow: 'auto', overscrollBehavior: 'contain' }}
        data-testid="contacts-scroller"
      >
        <Table stickyHeader highlightOnHover miw={980} layout="fixed" aria-rowcount={total + 1}>
          <Table.Thead>
            <Table.Tr aria-rowindex={1}>
              <Table.Th w={44}>
                <RowCheckbox
                  label={`Select all ${formatCount(total)} matching clients`}
                  checked={selected > 0 && selected === total}
                  indeterminate={selected > 0 && selected < total}
                  onChange={props.onToggleAll}
                />
              </Table.Th>
              {sortable('name', 'Name')}
              <Table.Th w={148}>Mobile number</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th w={120}>Tags</Table.Th>
              <Table.Th w={116}>Consent</Table.Th>
              {sortable('lastVisitAt', 'Last visit', 108)}
              {sortable('visitCount', 'Visits', 76, true)}
              {sortable('totalSpentCents', 'Spent', 116, true)}
              <Table.Th w={48} aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {paddingTop > 0 && <Spacer height={paddingTop} />}
            {rows.map((row) => {
              const contact = contactAt(pages, row.index);
              return contact ? (
                <ContactRow
                  key={contact.id}
                  index={row.index}
                  contact={contact}
                  selected={isSelected(selection, contact.id)}
                  onToggle={props.onToggle}
                  onOpen={props.onOpen}
                  onEdit={props.onEdit}
                  onDelete={props.onDelete}
                />
              ) : (
                <LoadingRow key={`loading-${row.index}`} index={row.index} />
              );
            })}
            {paddingBottom > 0 && <Spacer height={paddingBottom} />}
          </Table.Tbody>
        </Table>
      </div>
    </Paper>
  );
}

interface ContactRowProps extends Pick<ContactsTableProps, 'onToggle' | 'onOpen' | 'onEdit' | 'onDelete'> {
  index: number;
  contact: ContactDto;
  selected: boolean;
}

/** Memoised: while scrolling, rows already on screen are not built again, only the ones coming in. */
const ContactRow = memo(function ContactRow({ index, contact, selected, onToggle, onOpen, onEdit, onDelete }: ContactRowProps) {
  const { country, locale, money } = useSalonFormat();
  return (
    <Table.Tr h={ROW_HEIGHT} aria-rowindex={index + 2} aria-selected={selected} bg={selected ? 'var(--mantine-primary-color-light)' : undefined}>
      <Table.Td>
        <RowCheckbox label={`Select ${contact.name}`} checked={selected} onChange={() => onToggle(contact.id)} />
      </Table.Td>
      <Table.Td>
        <UnstyledButton onClick={() => onOpen(contact)} display="block" maw="100%" title={`Open ${contact.name}`}>
          <Text fw={500} size="sm" truncate>
            {contact.name}
          </Text>
        </UnstyledButton>
      </Table.Td>
      {contact.smsUnusable && contact.phone ? (
        <UnusablePhoneCell phone={formatPhone(contact.phone, country)} reason={contact.smsUnusable.reason} />
      ) : (
        <Cell>{contact.phone && formatPhone(contact.phone, country)}</Cell>
      )}
      <Cell>{contact.email}</Cell>
      <Table.Td>
        <TagList tags={contact.tags} max={1} />
      </Table.Td>
      <Table.Td>
        <ConsentBadges contact={contact} stacked />
      </Table.Td>
      <Cell>{contact.lastVisitAt && formatDate(contact.lastVisitAt, locale)}</Cell>
      <Cell right>{contact.visitCount}</Cell>
      <Cell right>{contact.totalSpentCents !== null && formatCents(contact.totalSpentCents, money)}</Cell>
      <Table.Td>
        <RowActions contact={contact} onOpen={onOpen} onEdit={onEdit} onDelete={onDelete} />
      </Table.Td>
    </Table.Tr>
  );
});

/** A text cell on one line (cut short with …); a dash when there is nothing. Plain spans: cheap to scroll. */
function Cell({ children, right = false }: { children: string | number | null | false; right?: boolean }) {
  const empty = children === null || children === false || children === '';
  return (
    <Table.Td style={right ? RIGHT_CELL : CELL}>
      <span style={empty ? DIMMED : undefined}>{empty ? '—' : children}</span>
    </Table.Td>
  );
}

/** A number found unable to get texts: still shown, with a small mark saying so. */
function UnusablePhoneCell({ phone, reason }: { phone: string; reason: string }) {
  return (
    <Table.Td style={CELL}>
      <div style={PHONE_LINE}>{phone}</div>
      <MiniBadge tone="red" title={`Texts can’t reach this number: ${reason}`} aria-label={`Texts can’t reach this number: ${reason}`}>
        No texts
      </MiniBadge>
    </Table.Td>
  );
}

function LoadingRow({ index }: { index: number }) {
  return (
    <Table.Tr h={ROW_HEIGHT} aria-rowindex={index + 2} aria-busy>
      <Table.Td colSpan={COLUMNS}>
        <Skeleton height={14} radius="sm" width="60%" />
      </Table.Td>
    </Table.Tr>
  );
}

function Spacer({ height }: { height: number }) {
  return (
    <tr aria-hidden style={{ height }}>
      <td colSpan={COLUMNS} style={{ padding: 0, border: 0 }} />
    </tr>
  );
}
