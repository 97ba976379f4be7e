import { useEffect, useRef } from 'react';

const STYLE = {
  width: 16,
  height: 16,
  margin: 0,
  cursor: 'pointer',
  verticalAlign: 'middle',
  accentColor: 'var(--mantine-primary-color-filled)',
} as const;

interface RowCheckboxProps {
  label: string;
  checked: boolean;
  /** Some but not all rows ticked (the header box). */
  indeterminate?: boolean;
  onChange(): void;
}

/** The browser's own checkbox in the salon's colour: light enough for every row of a long list. */
export function RowCheckbox({ label, checked, indeterminate = false, onChange }: RowCheckboxProps) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (input.current) input.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return <input ref={input} type="checkbox" aria-label={label} checked={checked} onChange={onChange} style={STYLE} />;
}
