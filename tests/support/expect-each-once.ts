// Kept apart from live-sending.ts, which the bench loads outside vitest.
import { expect } from 'vitest';
import type { TwilioDouble } from '../doubles/twilio/twilio-double';
import { receivedPerNumber } from './live-sending';

/** The double took exactly one text for each of these numbers, and none for any other. */
export function expectEachOnce(twilio: TwilioDouble, numbers: string[]): void {
  expect(Object.fromEntries(receivedPerNumber(twilio))).toEqual(Object.fromEntries(numbers.map((phone) => [phone, 1])));
}
