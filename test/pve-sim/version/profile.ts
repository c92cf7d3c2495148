// What differs between the PVE versions the simulator can pretend to be (7.4, 8.4, 9.1), from PVE's changelogs and API docs.
// The request schema stays 9.1's; older versions only change answer shapes (never accept more than that version did).

export interface VersionProfile {
  version: string;
  major: number;
  /** PVE 9 replaced HA groups with HA rules (/cluster/ha/rules); older versions answer 501 there */
  haRules: boolean;
  /** PVE 9 lists SDN in /cluster/resources as type "network" (field network, network-type); 8.x as type "sdn" */
  networkEntries: boolean;
  /** PVE 7 sends vmid as a string in /cluster/resources guest entries */
  vmidStrings: boolean;
  /** PVE 9's RRD format: nodes add memavailable, arcsize, pressure*; guests add memhost, pressure* (as strings) */
  rrd9: boolean;
  /** PVE 9 reports memhost in /cluster/resources; before it, mem was the host view */
  memhost: boolean;
  /** fields of /nodes and node resource entries that this version sends */
  cgroupMode: boolean;
  hostArch: boolean;
  /** container status/current cpus as a string (pve-container before 9) */
  lxcCpusString: boolean;
}

export const SUPPORTED_VERSIONS = ['7.4', '8.4', '9.1'] as const;

export function versionProfile(version: string): VersionProfile {
  const [maj = 9] = version.split('.').map(Number);
  const major = Number.isFinite(maj) ? maj : 9;
  return {
    version,
    major,
    haRules: major >= 9,
    networkEntries: major >= 9,
    vmidStrings: major <= 7,
    rrd9: major >= 9,
    memhost: major >= 9,
    cgroupMode: major >= 8,
    hostArch: major >= 9,
    lxcCpusString: major < 9,
  };
}
