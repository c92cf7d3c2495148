// The guest-view tabs of the operation features: Backups, HA & migrate, Clone (GuestView spreads them into its tab list).
import type { GuestTab } from '../inventory/GuestView.js';
import { BackupsPanel } from '../backups/BackupsPanel.js';
import { HaMigratePanel } from '../ha/HaMigratePanel.js';
import { CloneForm } from './CloneForm.js';

export const operationTabs: GuestTab[] = [
  { id: 'backups', label: 'Backups', render: (g) => <BackupsPanel guest={g} /> },
  { id: 'ha-migrate', label: 'HA & migrate', render: (g) => <HaMigratePanel guest={g} /> },
  { id: 'clone', label: 'Clone', render: (g) => <CloneForm guest={g} /> },
];
