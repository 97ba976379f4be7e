import type { ContactQuery } from '../../stores/contacts';
import { SortOrderSelect } from '../ui/SortOrderSelect';

type Order = Pick<ContactQuery, 'sort' | 'direction'>;

const ORDERS: Array<Order & { label: string }> = [
  { sort: 'name', direction: 'asc', label: 'Name, A to Z' },
  { sort: 'name', direction: 'desc', label: 'Name, Z to A' },
  { sort: 'createdAt', direction: 'desc', label: 'Newest added first' },
  { sort: 'createdAt', direction: 'asc', label: 'Oldest added first' },
  { sort: 'lastVisitAt', direction: 'desc', label: 'Most recent visit first' },
  { sort: 'lastVisitAt', direction: 'asc', label: 'Longest since last visit first' },
  { sort: 'visitCount', direction: 'desc', label: 'Most visits first' },
  { sort: 'visitCount', direction: 'asc', label: 'Fewest visits first' },
  { sort: 'totalSpentCents', direction: 'desc', label: 'Highest spend first' },
  { sort: 'totalSpentCents', direction: 'asc', label: 'Lowest spend first' },
];

/** The list order in words; the column headers sort too. */
export function ContactSortSelect({ value, onChange }: { value: Order; onChange(order: Order): void }) {
  return <SortOrderSelect orders={ORDERS} value={value} onChange={onChange} width={260} />;
}
