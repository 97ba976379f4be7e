import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ContactDto } from '../../../../shared/dto';
import { toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { formatDate } from '../../lib/format';
import { salonDate } from '../../lib/salonDays';
import { showToast } from '../../stores/toasts';

type Unusable = NonNullable<ContactDto['smsUnusable']>;

/** The phone was found unable to get texts (a landline, an unknown number), with the way to undo it when the client says otherwise. */
export function SmsUnusableNotice({ contactId, unusable, onCleared }: { contactId: number; unusable: Unusable; onCleared(): void }) {
  const { locale, timeZone } = useSalonFormat();
  const [busy, setBusy] = useState(false);
  const clear = async () => {
    setBusy(true);
    try {
      await call('contacts.markSmsUsable', { id: contactId });
      showToast('This number will get texts again.');
      onCleared();
    } catch (caught) {
      showToast(toApiError(caught).message, 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={6} align="flex-start" data-testid="sms-unusable">
      <Text size="sm">
        Texts can’t reach this number: {unusable.reason} ({unusable.code}), since {formatDate(salonDate(timeZone, unusable.at), locale)}. It is
        left out of text broadcasts.
      </Text>
      <Button size="xs" variant="default" onClick={() => void clear()} loading={busy}>
        It’s a mobile, text it again
      </Button>
    </Stack>
  );
}
