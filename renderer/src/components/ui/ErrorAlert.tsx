import { Alert } from '@mantine/core';
import type { ApiError } from '../../api/ApiError';

/** The core's sentence about what went wrong, in place; nothing when there is no error. */
export function ErrorAlert({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {error.message}
    </Alert>
  );
}
