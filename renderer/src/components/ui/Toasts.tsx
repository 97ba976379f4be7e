import { Notification, Stack } from '@mantine/core';
import { useToasts } from '../../stores/toasts';

export function Toasts() {
  const toasts = useToasts((state) => state.toasts);
  const dismiss = useToasts((state) => state.dismiss);
  return (
    // Below dialogs (Mantine's are at 200), so a confirmation never covers a dialog's buttons.
    <Stack pos="fixed" bottom={16} right={16} w={360} gap="xs" style={{ zIndex: 150 }}>
      {toasts.map((toast) => (
        <Notification
          key={toast.id}
          color={toast.tone === 'error' ? 'red' : 'green'}
          withBorder
          onClose={() => dismiss(toast.id)}
          closeButtonProps={{ 'aria-label': 'Dismiss' }}
        >
          {toast.message}
        </Notification>
      ))}
    </Stack>
  );
}
