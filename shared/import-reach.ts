// A client list is for reaching clients: an import needs a column that can. The core refuses a mapping
// without one, and the import screen says so before the owner goes on, in the same words.
import type { ImportTarget } from './imports';

/** The columns a message can go to. A name alone reaches nobody. */
export const REACHING_TARGETS: readonly ImportTarget[] = ['phone', 'email'];

export const UNREACHABLE_MAPPING_MESSAGE = 'Choose the column with the mobile number or the email: a client needs one to be reached.';

export function reachesClients(mapping: readonly ImportTarget[]): boolean {
  return mapping.some((target) => REACHING_TARGETS.includes(target));
}
