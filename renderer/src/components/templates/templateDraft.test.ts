import { describe, expect, it } from 'vitest';
import type { TemplateDto } from '../../../../shared/templates';
import { draftFrom, toSaveInput } from './templateDraft';

const dates = { createdAt: '2026-03-15T09:00:00Z', updatedAt: '2026-03-15T09:00:00Z' };

describe('template draft', () => {
  it('starts empty on the channel asked for', () => {
    expect(draftFrom('email')).toEqual({ name: '', channel: 'email', subject: '', title: '', body: '', url: '' });
  });

  it('saves only the fields of the template’s channel', () => {
    const push: TemplateDto = { id: 3, name: 'Opening', channel: 'push', content: { title: 'Hi', body: 'A chair opened' }, ...dates };
    const draft = { ...draftFrom(push), subject: 'left over' };
    expect(toSaveInput(draft, 3)).toEqual({ id: 3, name: 'Opening', channel: 'push', content: { title: 'Hi', body: 'A chair opened' } });
    expect(toSaveInput({ ...draft, url: ' https://salon.dev/book ' }, 3).content).toMatchObject({ url: 'https://salon.dev/book' });
    expect(toSaveInput({ ...draft, url: 'salon.dev/book' }, 3).content).toMatchObject({ url: 'https://salon.dev/book' });
    expect(toSaveInput({ ...draft, url: 'http://salon.dev' }, 3).content).toMatchObject({ url: 'http://salon.dev' });
    expect(toSaveInput({ ...draft, channel: 'sms' }, undefined)).toStrictEqual({ name: 'Opening', channel: 'sms', content: { body: 'A chair opened' } });
  });
});
