// The delivery report's file name: what it covers, then the salon's date, in characters every file
// system and mail client accepts: "delivery-report-spring-offer-2026-12-04.csv".

const MAX_SLUG = 40;

export interface ReportNameParts {
  /** The broadcast's name, when the report is of one. */
  broadcast?: { id: number; name: string };
  from?: string;
  to?: string;
  /** The salon's date today, YYYY-MM-DD. */
  today: string;
}

export function reportFileName({ broadcast, from, to, today }: ReportNameParts): string {
  const parts = ['delivery-report'];
  if (broadcast) parts.push(slug(broadcast.name) || `broadcast-${broadcast.id}`);
  if (from || to) parts.push(`${from ?? 'start'}-to-${to ?? today}`);
  else parts.push(today);
  return `${parts.join('-')}.csv`;
}

/** Latin letters without accents, digits and single dashes: "Été -20 % !" becomes "ete-20". */
function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG)
    .replace(/^-+|-+$/g, '');
}
