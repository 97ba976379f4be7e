import { EVERYONE, type AudienceFilter } from '../../shared/audience';
import { emptyStep, type BroadcastDraft, type BroadcastType } from '../../shared/broadcasts';
import type { BroadcastDto } from '../../shared/dto';
import type { Core } from '../../electron/core';
import { call } from './test-core';

/** One step of a broadcast as tests write it: only what they care about. */
export interface SimpleStep {
  body?: string;
  subject?: string;
  sendAt?: string;
  optOutLine?: boolean;
}

export interface SimpleBroadcast extends SimpleStep {
  name: string;
  type?: BroadcastType;
  filter?: AudienceFilter;
  /** Day 2 onwards; the broadcast's own body, subject and sendAt are Day 1. */
  laterSteps?: SimpleStep[];
}

/** A full draft from a test's few fields: the same body serves the text and the email. */
export function simpleDraft({ name, type = 'sms', filter = EVERYONE, laterSteps = [], ...day1 }: SimpleBroadcast): BroadcastDraft {
  const step = ({ body = '', subject = '', sendAt, optOutLine = true }: SimpleStep) => ({
    ...emptyStep(),
    sms: { body, optOutLine },
    email: { subject, body },
    sendAt: sendAt ?? null,
  });
  return { name, type, audience: { segmentId: null, filter }, steps: [step(day1), ...laterSteps.map(step)] };
}

export function createBroadcast(core: Core, broadcast: SimpleBroadcast): Promise<BroadcastDto> {
  return call(core, 'broadcasts.saveDraft', { draft: simpleDraft(broadcast) });
}
