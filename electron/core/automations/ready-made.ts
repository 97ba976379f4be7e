import type { AutomationEdit, AutomationKind } from '../../../shared/automations';
import { EVERYONE } from '../../../shared/audience';

/**
 * The automations the app ships, all off until the owner turns them on, with wording the owner can
 * edit. Their rules follow what salon platforms do (Vagaro, Square, Salonized, Boulevard).
 */
export const READY_MADE: Record<AutomationKind, AutomationEdit> = {
  birthday: {
    name: 'Birthday',
    type: 'sms',
    days: 7,
    audience: EVERYONE,
    sms: { body: 'Happy birthday soon, {{firstName|there}}! Treat yourself this month: 15% off any service at {{salonName}}.', optOutLine: true },
    email: { subject: 'Happy birthday from {{salonName}}', body: 'Hi {{firstName|there}},\n\nYour birthday is coming up: enjoy 15% off any service this month.\n\nSee you soon!' },
    sendTime: '10:00',
    // Boulevard leaves birthday messages out of the weekly limit: a client expects this one.
    exemptFromCap: true,
    skipIfBooked: false,
    skipIfVisitedWithinDays: null,
  },
  rebook: {
    name: 'Rebook reminder',
    type: 'sms',
    days: 35,
    audience: EVERYONE,
    sms: { body: 'Hi {{firstName|there}}, it has been a few weeks since your last visit to {{salonName}}. Ready to book your next one?', optOutLine: true },
    email: { subject: 'Time for your next visit?', body: 'Hi {{firstName|there}},\n\nIt has been a few weeks since your last visit. Book your next appointment whenever suits you.' },
    sendTime: '11:00',
    exemptFromCap: false,
    skipIfBooked: true,
    skipIfVisitedWithinDays: null,
  },
  win_back: {
    name: 'Win-back: lapsing regulars',
    type: 'sms',
    days: 60,
    audience: EVERYONE,
    sms: { body: 'We miss you, {{firstName|there}}! Come back to {{salonName}} this month and enjoy 10% off.', optOutLine: true },
    email: { subject: 'We miss you at {{salonName}}', body: 'Hi {{firstName|there}},\n\nIt has been a while. Come back this month and enjoy 10% off.' },
    sendTime: '11:00',
    exemptFromCap: false,
    skipIfBooked: true,
    skipIfVisitedWithinDays: null,
  },
  first_visit: {
    name: 'First-visit follow-up',
    type: 'sms',
    days: 2,
    audience: EVERYONE,
    sms: { body: 'Thanks for visiting {{salonName}}, {{firstName|there}}! We hope you love the result. Reply with any questions.', optOutLine: true },
    email: { subject: 'Thanks for your first visit', body: 'Hi {{firstName|there}},\n\nThank you for choosing us. We hope you love the result.' },
    sendTime: '12:00',
    exemptFromCap: false,
    skipIfBooked: false,
    skipIfVisitedWithinDays: null,
  },
  welcome: {
    name: 'Welcome',
    type: 'sms',
    days: 0,
    audience: EVERYONE,
    sms: { body: 'Welcome to {{salonName}}, {{firstName|there}}! You will hear from us about offers and openings.', optOutLine: true },
    email: { subject: 'Welcome to {{salonName}}', body: 'Hi {{firstName|there}},\n\nWelcome! You will hear from us about offers and openings.' },
    sendTime: null,
    exemptFromCap: false,
    skipIfBooked: false,
    skipIfVisitedWithinDays: null,
  },
};
