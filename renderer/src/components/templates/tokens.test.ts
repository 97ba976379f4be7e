import { describe, expect, it } from 'vitest';
import { checkTemplate } from '../../../../shared/personalise';
import { insertText, tokenChoices } from './tokens';

describe('tokens', () => {
  it('inserts at the cursor, replacing a selection', () => {
    expect(insertText('Hi !', 3, 3, '{{firstName|there}}')).toEqual({ value: 'Hi {{firstName|there}}!', cursor: 22 });
    expect(insertText('Hi you!', 3, 6, '{{firstName}}')).toEqual({ value: 'Hi {{firstName}}!', cursor: 16 });
    expect(insertText('', 0, 0, '{{salonName}}')).toEqual({ value: '{{salonName}}', cursor: 13 });
  });

  it('offers only tokens the core accepts', () => {
    const { standard, custom } = tokenChoices(['Stylist']);
    expect(custom).toEqual([{ label: 'Stylist', token: '{{custom:Stylist}}' }]);
    for (const { token } of [...standard, ...custom]) expect(checkTemplate(token, ['Stylist'])).toEqual([]);
  });
});
