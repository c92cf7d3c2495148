// Which PVE versions Proxdeck supports fully (8.0+) and which read-mostly (7.4), and the notice Connect shows.

export const FULLY_SUPPORTED_FROM = '8.0';

/** The notice for a cluster older than full support; undefined when fully supported or unparsable. */
export function versionNotice(version: string): string | undefined {
  const m = /^(\d+)\.(\d+)/.exec(version);
  if (!m) return undefined;
  const major = Number(m[1]);
  const release = `${m[1]}.${m[2]}`;
  if (major >= 8) return undefined;
  if (major === 7) return `PVE ${release}: HA rules and some views unavailable`;
  return `PVE ${release} is not supported: expect errors`;
}
