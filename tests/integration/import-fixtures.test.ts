// Every fixture export through the preview: the columns are matched in its language, the booking
// system is named, and the suggested mapping can reach the clients.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { upload } from '../support/csv-fixtures';
import { fixtureBytes, importFixtures } from '../support/import-fixtures';
import { call, createTestCore, tempDir } from '../support/test-core';

describe('previewing the exports salons bring', () => {
  const dir = tempDir();
  let core: Core;

  beforeAll(() => {
    core = createTestCore(dir.path);
  });

  afterAll(async () => {
    await core.stop();
    dir.remove();
  });

  it.each(importFixtures().map((fixture) => [fixture.file, fixture] as const))('%s', async (_, fixture) => {
    const uploadId = await upload(core, fixture.file, fixtureBytes(fixture));
    const preview = await call(core, 'imports.preview', { uploadId, encoding: fixture.encoding });
    expect(preview.layout).toBe(fixture.layout ?? undefined);
    expect(preview.totalRows).toBe(fixture.rows);
    expect(preview.suggestedMapping).toContain('phone');
    expect(preview.suggestedMapping).toContain('email');
    expect(preview.suggestedMapping.some((target) => target === 'name' || target === 'firstName')).toBe(true);
  });
});
