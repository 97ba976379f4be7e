import { Select } from '@mantine/core';
import { useCall } from '../../hooks/useCall';
import { formatCount } from '../../lib/format';

interface TagFilterProps {
  value: string | null;
  onChange(tag: string | null): void;
  /** Changes after a bulk tag or an import, to count again. */
  refresh: number;
}

/** Show only the clients of one tag. */
export function TagFilter({ value, onChange, refresh }: TagFilterProps) {
  const tags = useCall('tags.list', {}, refresh);
  const options = (tags.data ?? []).map(({ name, contacts }) => ({ value: name, label: `${name} (${formatCount(contacts)})` }));
  return (
    <Select
      label="Tag"
      placeholder={tags.data?.length === 0 ? 'No tags yet' : 'All clients'}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage="No tag by that name"
      disabled={tags.data?.length === 0 && value === null}
      w={240}
    />
  );
}
