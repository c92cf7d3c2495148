// Overall health and the settings file.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { healthLabel, healthOf } from '../../../src-main/features/alerts/health.js';
import { openAlertsSettings } from '../../../src-main/features/alerts/alerts-settings.js';

describe('health', () => {
  it('is green without problems, amber with only amber ones, red with any red one', () => {
    expect(healthOf([])).toEqual({ level: 'green', count: 0 });
    expect(healthOf([{ severity: 'amber' }])).toEqual({ level: 'amber', count: 1 });
    expect(healthOf([{ severity: 'amber' }, { severity: 'red' }])).toEqual({ level: 'red', count: 2 });
    expect(healthLabel({ level: 'red', count: 2 })).toBe('Proxdeck: 2 problems (needs attention)');
    expect(healthLabel({ level: 'green', count: 0 })).toBe('Proxdeck: all clear');
  });
});

describe('alerts settings', () => {
  it('are off by default, persist, and a damaged file is set aside', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'proxdeck-alerts-'));
    try {
      expect((await openAlertsSettings(dir)).get()).toEqual({ enabled: false });
      await (await openAlertsSettings(dir)).set({ enabled: true });
      expect((await openAlertsSettings(dir)).get()).toEqual({ enabled: true });
      await writeFile(join(dir, 'alerts.json'), '{"version":1,"settings":{"enabled":"yes"}}');
      expect((await openAlertsSettings(dir)).get()).toEqual({ enabled: false });
      expect((await readdir(dir)).some((f) => f.startsWith('alerts.json.invalid-'))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
