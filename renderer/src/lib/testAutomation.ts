// For tests: an automation as the core would send it, Birthday by default.
import { EVERYONE } from '../../../shared/audience';
import type { AutomationDto } from '../../../shared/automations';

export function testAutomation(id: number, change: Partial<AutomationDto> = {}): AutomationDto {
  return {
    id,
    kind: 'birthday',
    name: 'Birthday',
    type: 'sms',
    days: 7,
    audience: EVERYONE,
    sms: { body: 'Happy birthday {{firstName|there}}!', optOutLine: true },
    email: { subject: '', body: '' },
    sendTime: '10:00',
    exemptFromCap: true,
    skipIfBooked: false,
    skipIfVisitedWithinDays: null,
    enabled: false,
    enabledAt: null,
    evaluatedThrough: null,
    description: '7 days before the birthday, at 10:00',
    problems: [],
    ...change,
  };
}
