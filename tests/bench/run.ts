// `npm run bench`: the product's figures, printed and written to bench-results.json as [{id, value, unit}].
// BENCH_QUICK=1 skips the 1,000,000-contact runs.
import { benchAudience } from './audience.bench';
import { benchDelivery } from './delivery.bench';
import { writeFigures } from './figures';
import { benchImport } from './import.bench';
import { benchLaunchTwoChannels } from './launch.bench';

async function main(): Promise<void> {
  await benchDelivery(100_000, '100k');
  await benchLaunchTwoChannels(100_000, '100k');
  await benchImport(100_000, '100k');
  await benchAudience(100_000, '100k');
  if (!process.env.BENCH_QUICK) await benchAudience(1_000_000, '1m');
  console.log(`\nwritten to ${writeFigures()}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
