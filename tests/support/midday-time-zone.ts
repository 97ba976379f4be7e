/**
 * A fixed offset zone (`Etc/GMT-3` is UTC+3) where it is about noon right now, so that a send "now"
 * is never held by the default quiet hours (08:00 to 21:00) whatever the time of day the tests run.
 */
export function middayTimeZone(now = new Date()): string {
  const offset = 12 - now.getUTCHours(); // -11 … +12
  if (offset === 0) return 'Etc/GMT';
  // The Etc zones' signs are POSIX ones: Etc/GMT-3 is three hours ahead of UTC.
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}
