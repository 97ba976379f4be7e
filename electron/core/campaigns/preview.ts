import type { AudienceFilter } from '../../../shared/audience';
import { TYPE_CHANNELS, type BroadcastType, type MessagePreviewDto, type StepDraft } from '../../../shared/broadcasts';
import type { SettingsDto } from '../../../shared/dto';
import { countSmsSegments } from '../../../shared/sms-segments';
import type { Db } from '../../../db/open';
import { compileFilter } from '../audience/compile-filter';
import { filterContext } from '../audience/filter-context';
import { composeEmail, composePush, composeSms, tokenValues, type Recipient } from '../delivery/compose-message';
import { invalidInput, notFound } from '../errors';
import { stepTokenIssues } from './step-content';

interface PreviewInput {
  type: BroadcastType;
  step: StepDraft;
  audience: AudienceFilter;
  contactId?: number | undefined;
  settings: SettingsDto;
  /** The custom fields clients have: a token naming another is refused, not filled. */
  customFields: readonly string[];
  now: Date;
}

type ContactRecipient = Recipient & { id: number };

/** Used when nobody is picked and nobody matches: every token shows its fallback. */
const NOBODY: Recipient = { name: '', firstName: null, lastName: null, customFields: '{}' };
const RECIPIENT_COLUMNS = 'id, name, first_name AS firstName, last_name AS lastName, custom_fields AS customFields';

/**
 * The step's content for each channel of the type, exactly as the chosen (or first matching) client
 * gets it; refused while a token names no field, as review would.
 */
export function previewMessage(db: Db, { type, step, audience, contactId, settings, customFields, now }: PreviewInput): MessagePreviewDto {
  const issues = stepTokenIssues(step, TYPE_CHANNELS[type], customFields);
  if (issues.length > 0) throw invalidInput(issues.map((issue) => ({ ...issue, path: `step.${issue.path}` })));
  const contact = contactId === undefined ? firstMatching(db, audience, settings.timeZone, now) : contactById(db, contactId);
  const values = tokenValues(contact ?? NOBODY, { name: settings.salonName, postalAddress: settings.postalAddress });
  const channels = TYPE_CHANNELS[type];
  const preview: MessagePreviewDto = { contact: contact ? { id: contact.id, name: contact.name } : null };
  if (channels.includes('sms')) {
    const text = composeSms(step.sms, values);
    preview.sms = { text, segments: countSmsSegments(text) };
  }
  if (channels.includes('email')) {
    preview.email = composeEmail(step.email, values, { name: settings.salonName, postalAddress: settings.postalAddress });
  }
  if (channels.includes('push')) {
    const push = composePush(step.push, values);
    preview.push = { ...push, payloadBytes: Buffer.byteLength(JSON.stringify(push)) };
  }
  return preview;
}

/** Whose data a test send is filled with: the picked client, or fallbacks only. */
export function previewRecipient(db: Db, contactId: number | undefined): Recipient {
  return contactId === undefined ? NOBODY : contactById(db, contactId);
}

function contactById(db: Db, id: number): ContactRecipient {
  const contact = db.$client.prepare(`SELECT ${RECIPIENT_COLUMNS} FROM contacts WHERE id = ?`).get(id) as ContactRecipient | undefined;
  if (!contact) throw notFound('That client');
  return contact;
}

function firstMatching(db: Db, audience: AudienceFilter, timeZone: string, now: Date): ContactRecipient | undefined {
  const where = compileFilter(audience, filterContext(now, timeZone));
  return db.$client
    .prepare(`SELECT ${RECIPIENT_COLUMNS} FROM contacts WHERE ${where.sql} ORDER BY name COLLATE NOCASE LIMIT 1`)
    .get(...where.params) as ContactRecipient | undefined;
}
