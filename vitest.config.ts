import { defineConfig } from 'vitest/config';
import { middayTimeZone } from './tests/support/midday-time-zone';

// Tests that send "now" run at the salon's midday, so the default quiet hours (08:00 to 21:00) never
// hold them back whenever they run; a test about quiet hours sets its own zone and hours.
const salonMidday = { TZ: middayTimeZone() };

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      // The renderer's own logic (transport, stores, formatting), beside the code it tests.
      { test: { name: 'renderer', include: ['renderer/src/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
          env: salonMidday,
        },
      },
      // Minutes long: run on its own by `npm run test:soak`, never with the unit or integration tests.
      {
        test: {
          name: 'soak',
          include: ['tests/soak/**/*.soak.test.ts'],
          // One file at a time: its rounds time their kills, and two files' engines would share the CPUs.
          fileParallelism: false,
          environment: 'node',
          testTimeout: 15 * 60_000,
          hookTimeout: 60_000,
          env: salonMidday,
        },
      },
    ],
  },
});
