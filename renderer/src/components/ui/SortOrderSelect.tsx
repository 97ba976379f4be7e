import { Select } from '@mantine/core';

export interface SortOrder<S extends string> {
  sort: S;
  direction: 'asc' | 'desc';
}

const keyOf = ({ sort, direction }: SortOrder<string>): string => `${sort}:${direction}`;

interface SortOrderSelectProps<S extends string> {
  /** Every order offered, in words. */
  orders: ReadonlyArray<SortOrder<S> & { label: string }>;
  value: SortOrder<S>;
  onChange(order: SortOrder<S>): void;
  width: number;
}

/** "Sort by" for a list: one choice per column and direction. */
export function SortOrderSelect<S extends string>({ orders, value, onChange, width }: SortOrderSelectProps<S>) {
  return (
    <Select
      label="Sort by"
      data={orders.map((order) => ({ value: keyOf(order), label: order.label }))}
      value={keyOf(value)}
      onChange={(key) => {
        const order = orders.find((candidate) => keyOf(candidate) === key);
        if (order) onChange({ sort: order.sort, direction: order.direction });
      }}
      allowDeselect={false}
      w={width}
    />
  );
}
