// PVE's priv/token.cfg: one "USER@REALM!TOKENID SECRET" per line.
import { splitTokenId } from './ids.js';

export function parseTokenCfg(raw: string): Map<string, string> {
  const secrets = new Map<string, string>();
  for (const line of raw.split('\n')) {
    const [id, secret, ...extra] = line.trim().split(/\s+/);
    if (!id || !secret || extra.length > 0 || !splitTokenId(id)) continue;
    secrets.set(id, secret);
  }
  return secrets;
}

export function writeTokenCfg(secrets: Map<string, string>): string {
  return [...secrets]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, s]) => `${id} ${s}\n`)
    .join('');
}
