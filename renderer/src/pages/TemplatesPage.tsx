import { Badge, Button, Loader, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { TEMPLATE_CHANNELS, type TemplateChannel, type TemplateDto } from '../../../shared/templates';
import { toApiError } from '../api/ApiError';
import { call } from '../api/client';
import { ConfirmModal } from '../components/ui/ConfirmModal';
import { EmptyState } from '../components/ui/EmptyState';
import { ErrorAlert } from '../components/ui/ErrorAlert';
import { PageHeader } from '../components/ui/PageHeader';
import { TEMPLATE_CHANNEL_WORDS } from '../components/templates/templateChannels';
import { TemplateFormModal, type TemplateFormTarget } from '../components/templates/TemplateFormModal';
import { TemplateList } from '../components/templates/TemplateList';
import { useCall } from '../hooks/useCall';
import { useDialog } from '../hooks/useDialog';
import { showToast } from '../stores/toasts';

export function TemplatesPage() {
  const [version, setVersion] = useState(0);
  const templates = useCall('templates.list', {}, version);
  const [channel, setChannel] = useState<TemplateChannel>('sms');
  const form = useDialog<TemplateFormTarget>();
  const confirmDelete = useDialog<TemplateDto>();
  const [deleting, setDeleting] = useState(false);
  const reload = (): void => setVersion((current) => current + 1);

  const remove = async (template: TemplateDto): Promise<void> => {
    setDeleting(true);
    try {
      await call('templates.delete', { id: template.id });
      showToast(`Deleted “${template.name}”.`);
      reload();
    } catch (caught) {
      showToast(toApiError(caught).message, 'error');
    } finally {
      setDeleting(false);
      confirmDelete.close();
    }
  };

  const pickTab = (value: string | null): void => {
    const picked = TEMPLATE_CHANNELS.find((candidate) => candidate === value);
    if (picked) setChannel(picked);
  };
  const ofChannel = (wanted: TemplateChannel) => templates.data?.filter((template) => template.channel === wanted) ?? [];

  const toDelete = confirmDelete.target;
  return (
    <Stack gap="lg">
      <PageHeader
        title="Templates"
        description="Messages you send often, written once and ready to send again."
        actions={<Button onClick={() => form.open(channel)}>New template</Button>}
      />
      {templates.error && <ErrorAlert error={templates.error} />}
      {!templates.data && !templates.error && <Loader size="sm" aria-label="Loading your templates" />}
      {templates.data && (
        <Tabs value={channel} onChange={pickTab} keepMounted={false}>
          <Tabs.List>
            {TEMPLATE_CHANNELS.map((each) => {
              const count = ofChannel(each).length;
              return (
                <Tabs.Tab key={each} value={each} rightSection={count > 0 && <Badge size="sm" variant="light" circle>{count}</Badge>}>
                  {TEMPLATE_CHANNEL_WORDS[each].tab}
                </Tabs.Tab>
              );
            })}
          </Tabs.List>
          {TEMPLATE_CHANNELS.map((each) => (
            <Tabs.Panel key={each} value={each} pt="md">
              {ofChannel(each).length === 0 ? (
                <EmptyState
                  title={`No ${TEMPLATE_CHANNEL_WORDS[each].one} templates yet`}
                  description="Save messages you send often, then start a broadcast from one."
                  action={{ label: `New ${TEMPLATE_CHANNEL_WORDS[each].one} template`, onClick: () => form.open(each) }}
                />
              ) : (
                <TemplateList templates={ofChannel(each)} onEdit={form.open} onDelete={confirmDelete.open} />
              )}
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
      <TemplateFormModal dialog={form} onSaved={reload} />
      {toDelete && (
        <ConfirmModal
          opened={confirmDelete.opened}
          title={`Delete “${toDelete.name}”?`}
          confirmLabel="Delete template"
          danger
          busy={deleting}
          onConfirm={() => void remove(toDelete)}
          onCancel={confirmDelete.close}
        >
          <Text>The template is removed from your list. Broadcasts you already sent are not changed.</Text>
        </ConfirmModal>
      )}
    </Stack>
  );
}
