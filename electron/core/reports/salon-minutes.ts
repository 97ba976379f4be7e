// Times in the report as the salon reads them: "2026-12-04 14:05" in its zone. Converting 100,000
// rows' times through Intl one by one is slow, but a broadcast's messages share their minutes, and a
// zone's offset is a whole number of minutes, so each UTC minute is converted once and remembered.
import { IANAZone } from 'luxon';

/** Far more minutes than one report's messages span in practice; the memory is let go past it. */
const MAX_REMEMBERED = 50_000;

/** A formatter of ISO UTC instants as "YYYY-MM-DD HH:mm" in `zone`; '' for none. */
export function salonMinutes(zone: string): (iso: string | null) => string {
  const ianaZone = IANAZone.create(zone);
  const byUtcMinute = new Map<string, string>();
  return (iso) => {
    if (!iso) return '';
    const utcMinute = iso.slice(0, 16);
    let local = byUtcMinute.get(utcMinute);
    if (local === undefined) {
      const ms = Date.parse(`${utcMinute}Z`);
      if (Number.isNaN(ms)) return '';
      local = new Date(ms + ianaZone.offset(ms) * 60_000).toISOString().slice(0, 16).replace('T', ' ');
      if (byUtcMinute.size >= MAX_REMEMBERED) byUtcMinute.clear();
      byUtcMinute.set(utcMinute, local);
    }
    return local;
  };
}
