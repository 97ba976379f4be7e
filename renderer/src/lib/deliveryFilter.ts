// The filters and sorting above a broadcast's deliveries: the Reports page's status groups (so both
// screens name statuses alike), a day, a channel, a reason and a search, as tracking.deliveries' filter.
import type { Channel, DeliveryDto } from '../../../shared/dto';
import type { DeliveryFilter, DeliverySort } from '../../../shared/tracking';
import { STATUS_GROUPS, STATUS_GROUP_DEFINITIONS, type StatusGroup } from './reportFilters';

export const STATUS_GROUP_OPTIONS = STATUS_GROUPS.map((value) => ({ value, label: STATUS_GROUP_DEFINITIONS[value].label }));

export function isStatusGroup(value: string | null): value is StatusGroup {
  return STATUS_GROUPS.some((group) => group === value);
}

/** What the owner picked above the table; empty means "any". */
export interface DeliveryChoices {
  day: number | null;
  channel: Channel | null;
  group: StatusGroup | null;
  reason: string | null;
  search: string;
}

export const NO_CHOICES: DeliveryChoices = { day: null, channel: null, group: null, reason: null, search: '' };

export function hasChoices(choices: DeliveryChoices): boolean {
  return choices.day !== null || choices.channel !== null || choices.group !== null || choices.reason !== null || choices.search.trim() !== '';
}

/** Whose messages: one broadcast's, or every run of one automation. */
export type DeliveryScope = { broadcastId: number } | { automationId: number };

/** The filter for tracking.deliveries: only what was picked. */
export function deliveryFilter(scope: DeliveryScope, choices: DeliveryChoices): DeliveryFilter {
  const search = choices.search.trim();
  return {
    ...scope,
    ...(choices.day !== null && { day: choices.day }),
    ...(choices.channel !== null && { channel: choices.channel }),
    ...(choices.group !== null && { statuses: STATUS_GROUP_DEFINITIONS[choices.group].statuses }),
    ...(choices.reason !== null && { reason: choices.reason }),
    ...(search && { search }),
  };
}

export interface DeliveryOrder {
  sort: DeliverySort;
  direction: 'asc' | 'desc';
}

export const NEWEST_FIRST: DeliveryOrder = { sort: 'time', direction: 'desc' };

/** A header clicked: the same column turns round; another starts newest first for time, A to Z (Day 1 first) otherwise. */
export function nextOrder(current: DeliveryOrder, sort: DeliverySort): DeliveryOrder {
  if (current.sort === sort) return { sort, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { sort, direction: sort === 'time' ? 'desc' : 'asc' };
}

/** An email or notification cut off mid-send: only the owner can say to send it again. */
export function canResend(delivery: Pick<DeliveryDto, 'status' | 'channel'>): boolean {
  return delivery.status === 'unknown' && delivery.channel !== 'sms';
}
