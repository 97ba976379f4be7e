import { PasswordInput } from '@mantine/core';
import type { SecretStatusDto } from '../../../../shared/sending';
import { secretPlaceholder } from '../../lib/providerForms';

interface SecretInputProps {
  label: string;
  description?: string;
  /** What the core knows of the saved secret; null when there is none. */
  saved: SecretStatusDto | null | undefined;
  /** False when the saved secret no longer fits (e.g. another kind of key was picked): a new one is needed. */
  kept?: boolean;
  /** The placeholder while nothing is saved. */
  placeholder: string;
  value: string;
  onChange(value: string): void;
  error?: string;
}

/**
 * A password or key box that starts empty: the saved secret never comes back from the core. The
 * placeholder says one is saved (with its last characters, to tell keys apart) and that empty keeps it.
 */
export function SecretInput({ label, description, saved, kept = true, placeholder, value, onChange, error }: SecretInputProps) {
  const keeping = Boolean(saved?.configured && kept);
  return (
    <PasswordInput
      label={label}
      description={keeping ? [description, 'Leave it empty to keep the saved one.'].filter(Boolean).join(' ') : description}
      placeholder={secretPlaceholder(saved, kept, placeholder)}
      autoComplete="new-password"
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
    />
  );
}
