import { emptyStep, TYPE_CHANNELS, type StepDraft } from '../../../../shared/broadcasts';
import type { AutomationEdit } from '../../../../shared/automations';
import type { ApiError } from '../../api/ApiError';
import { useCall } from '../../hooks/useCall';
import { SectionCard } from '../ui/SectionCard';
import { EmailEditor } from '../wizard/EmailEditor';
import { SmsEditor } from '../wizard/SmsEditor';
import { TemplateActions } from '../wizard/TemplateActions';

interface AutomationMessagesProps {
  edit: AutomationEdit;
  onChange(change: Partial<AutomationEdit>): void;
  error: ApiError | null;
}

/** The text and the email, with fields such as {{firstName|there}} and templates, as the broadcast wizard writes them. */
export function AutomationMessages({ edit, onChange, error }: AutomationMessagesProps) {
  const customFields = useCall('customFields.list', {}).data ?? [];
  // The wizard's pieces work on a broadcast step: the automation's text and email are one.
  const step: StepDraft = { ...emptyStep(), sms: edit.sms, email: edit.email };
  const use = (content: Partial<StepDraft>): void => onChange({ ...(content.sms && { sms: content.sms }), ...(content.email && { email: content.email }) });
  const issue = (path: string) => error?.issueFor(`automation.${path}`);

  return (
    <>
      {TYPE_CHANNELS[edit.type].map((channel) =>
    channel === 'sms' ? (
      <SectionCard key="sms" title="Text message">
        <TemplateActions channel="sms" step={step} onUse={use} />
        <SmsEditor value={edit.sms} onChange={(sms) => onChange({ sms })} error={issue('sms.body')} customFields={customFields} />
      </SectionCard>
    ) : (
      <SectionCard key="email" title="Email">
        <TemplateActions channel="email" step={step} onUse={use} />
        <EmailEditor
          value={edit.email}
          onChange={(email) => onChange({ email })}
          errors={{ subject: issue('email.subject'), body: issue('email.body') }}
          customFields={customFields}
        />
      </SectionCard>
    ),
      )}
    </>
  );
}
