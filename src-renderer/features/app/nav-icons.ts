// One icon per nav entry (lucide); a feature without an entry here gets the generic one.
import {
  Activity,
  Archive,
  Boxes,
  Database,
  FilePenLine,
  GitFork,
  HardDrive,
  LayoutGrid,
  ListChecks,
  Network,
  PlusSquare,
  Server,
  Shield,
  ShieldCheck,
  type LucideIcon,
} from 'lucide-react';

const ICONS: Record<string, LucideIcon> = {
  clusters: Server,
  inventory: LayoutGrid,
  backups: Archive,
  ha: Activity,
  create: PlusSquare,
  firewall: Shield,
  sdn: Network,
  ceph: Database,
  replication: GitFork,
  tasks: ListChecks,
  storage: HardDrive,
  permissions: ShieldCheck,
  audit: FilePenLine,
};

export function navIcon(featureId: string): LucideIcon {
  return ICONS[featureId] ?? Boxes;
}
