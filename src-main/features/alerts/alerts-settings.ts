// The notification setting in <config dir>/alerts.json: zod-checked on load (a damaged file is set aside and the
// default, off, applies), written atomically.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AlertsSettings } from '../../../src-shared/ipc/channels/alerts.js';

const FileShape = z.object({ version: z.literal(1), settings: AlertsSettings });
const DEFAULTS: AlertsSettings = { enabled: false };

export interface AlertsSettingsStore {
  get(): AlertsSettings;
  set(next: AlertsSettings): Promise<AlertsSettings>;
}

export async function openAlertsSettings(configDir: string): Promise<AlertsSettingsStore> {
  const file = join(configDir, 'alerts.json');
  let settings = DEFAULTS;
  try {
    settings = FileShape.parse(JSON.parse(await readFile(file, 'utf8'))).settings;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
      await rename(file, `${file}.invalid-${Date.now()}`).catch(() => undefined);
  }
  let writing = Promise.resolve();
  return {
    get: () => settings,
    async set(next) {
      settings = AlertsSettings.parse(next);
      const text = JSON.stringify({ version: 1, settings }, null, 2);
      writing = writing.then(async () => {
        await mkdir(configDir, { recursive: true });
        await writeFile(`${file}.tmp`, text, { mode: 0o600 });
        await rename(`${file}.tmp`, file);
      });
      await writing;
      return settings;
    },
  };
}
