// `npm run bench`: the product's figures, printed and written to bench-results.json as [{id, value, unit}].
// BENCH_QUICK=1 skips the 1,000,000-contact runs; BENCH_ONLY=audience (or delivery, live, trouble, memory,
// launch, import, report, tracking, dashboard, automations) runs one group. The memory group sends 100,000 texts at
// 100 a second: about 17 minutes.
import { middayTimeZone } from '../support/midday-time-zone';
import { benchAudience } from './audience.bench';
import { benchAutomationsEvaluate, benchAutomationsRehearse, benchAutomationsWelcomeAll } from './automations.bench';
import { benchDashboard } from './dashboard.bench';
import { benchDelivery } from './delivery.bench';
import { writeFigures } from './figures';
import { benchImport, benchImportMessy } from './import.bench';
import { benchLaunchTwoChannels } from './launch.bench';
import { benchMemoryAtTopRate, benchRateUtilisation, benchTwilioSdk } from './live-sending.bench';
import { benchDeliveryReport } from './report.bench';
import { benchRefusedIn429Storm, benchStopDuringSend } from './provider-trouble.bench';
import { benchTracking } from './tracking.bench';

// Benches send "now": at the salon's midday the default quiet hours (08:00 to 21:00) never hold
// them, whatever the time of day they run (at 22:00 UTC the delivery bench used to wait till morning).
process.env.TZ = middayTimeZone();

const wanted = (group: string): boolean => !process.env.BENCH_ONLY || process.env.BENCH_ONLY === group;

async function main(): Promise<void> {
  if (wanted('delivery')) await benchDelivery(100_000, '100k');
  if (wanted('live')) await benchRateUtilisation(10, 300);
  if (wanted('live')) await benchTwilioSdk(100_000, '100k');
  if (wanted('trouble')) await benchStopDuringSend();
  if (wanted('trouble')) await benchRefusedIn429Storm();
  if (wanted('memory')) await benchMemoryAtTopRate(100_000, '100k');
  if (wanted('launch')) await benchLaunchTwoChannels(100_000, '100k');
  if (wanted('import')) await benchImportMessy();
  if (wanted('import')) await benchImport(100_000, '100k');
  if (wanted('report')) await benchDeliveryReport(100_000, '100k');
  if (wanted('tracking')) await benchTracking(100_000, '100k');
  if (wanted('audience')) await benchAudience(100_000, '100k');
  if (wanted('audience') && !process.env.BENCH_QUICK) await benchAudience(1_000_000, '1m');
  if (wanted('dashboard')) await benchDashboard();
  if (wanted('automations')) benchAutomationsEvaluate(100_000, '100k');
  if (wanted('automations')) benchAutomationsRehearse(10_000, '10k');
  if (wanted('automations')) benchAutomationsWelcomeAll(100_000, '100k');
  console.log(`\nwritten to ${writeFigures()}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
