// The guest view's tabs, in order: each feature with a per-guest panel joins the guest view by adding one entry here.
import type { GuestTab } from './feature-entry.js';
import { SnapshotsPanel } from './snapshots/SnapshotsPanel.js';
import { BackupsPanel } from './backups/BackupsPanel.js';
import { HaMigratePanel } from './migrate/HaMigratePanel.js';
import { RemoteMigratePanel } from './migrate/RemoteMigratePanel.js';
import { CloneForm } from './provision/CloneForm.js';
import { GuestConsoleTab } from './guest-config/GuestConsoleTab.js';
import { AgentPanel } from './agent/AgentPanel.js';

export const guestTabs: GuestTab[] = [
  { id: 'summary', label: 'Summary' },
  { id: 'config', label: 'Config' },
  { id: 'snapshots', label: 'Snapshots', render: (g) => <SnapshotsPanel guest={g} /> },
  { id: 'backups', label: 'Backups', render: (g) => <BackupsPanel guest={g} /> },
  { id: 'ha-migrate', label: 'HA & migrate', render: (g) => <HaMigratePanel guest={g} /> },
  { id: 'remote-migrate', label: 'Other cluster', render: (g) => <RemoteMigratePanel guest={g} /> },
  { id: 'clone', label: 'Clone', render: (g) => <CloneForm guest={g} /> },
  { id: 'console', label: 'Console', render: (g) => <GuestConsoleTab guest={g} /> },
  { id: 'agent', label: 'Agent', render: (g) => <AgentPanel guest={g} /> },
];
