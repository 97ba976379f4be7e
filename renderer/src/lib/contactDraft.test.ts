import { describe, expect, it } from 'vitest';
import type { ContactDto } from '../../../shared/dto';
import { birthdayProblem, birthdayValue, draftFrom, toCreateInput, toUpdateInput } from './contactDraft';

const ana: ContactDto = {
  id: 7,
  name: 'Ana Lopez',
  firstName: 'Ana',
  lastName: 'Lopez',
  phone: '+14155552671',
  email: 'ana@salon.dev',
  birthday: '--04-23',
  clientSince: null,
  lastVisitAt: '2025-01-10',
  nextAppointmentAt: null,
  visitCount: 5,
  totalSpentCents: 25_050,
  notes: null,
  leadSource: 'Instagram',
  market: null,
  product: null,
  leadStatus: null,
  state: null,
  zip: null,
  conversationStatus: null,
  appointmentStatus: null,
  customFields: { Stylist: 'Maria' },
  tags: ['VIP'],
  consent: { sms: 'granted', email: 'unknown', push: 'unknown' },
  createdAt: '2025-01-01T10:00:00.000Z',
  updatedAt: '2025-01-01T10:00:00.000Z',
  smsUnusable: null,
};

describe('the client form', () => {
  it('sends only what the owner changed, so untouched fields are never overwritten', () => {
    const before = draftFrom(ana, 'US');
    expect(before.phone).toBe('(415) 555-2671');
    expect(before.totalSpent).toBe(250.5);
    const after = { ...before, notes: 'Likes balayage', totalSpent: 300, brief: { ...before.brief, leadSource: '' } };
    expect(toUpdateInput(ana.id, before, after)).toEqual({ id: 7, notes: 'Likes balayage', totalSpentCents: 30_000, leadSource: null });
    expect(toUpdateInput(ana.id, before, before)).toEqual({ id: 7 });
  });

  it('adds a client with the consent ticked, and nothing else assumed', () => {
    const draft = { ...draftFrom(null, 'US'), name: 'Bo', phone: '415 555 2600', consent: { sms: true, email: false } };
    const input = toCreateInput(draft);
    expect(input).toMatchObject({ name: 'Bo', phone: '415 555 2600', consent: { sms: 'granted', email: 'unknown' }, customFields: {} });
    expect(input.visitCount).toBeNull();
  });

  it('writes a birthday with or without the year, and flags half a date', () => {
    expect(birthdayValue({ month: '4', day: '3', year: '' })).toBe('--04-03');
    expect(birthdayValue({ month: '12', day: '31', year: '1990' })).toBe('1990-12-31');
    expect(birthdayValue({ month: '', day: '', year: '' })).toBeNull();
    expect(birthdayProblem({ month: '4', day: '', year: '' })).toMatch(/both the month and the day/);
    expect(birthdayProblem({ month: '4', day: '3', year: '90' })).toMatch(/four digits/);
    expect(birthdayProblem({ month: '4', day: '3', year: '1990' })).toBeNull();
    expect(draftFrom(ana, 'US').birthday).toEqual({ month: '4', day: '23', year: '' });
  });
});
