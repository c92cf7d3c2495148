// Node package updates: GET /nodes/{node}/apt/update (pending updates from the last index refresh), POST (refresh the
// package index: an aptupdate task after which newly published versions show), GET /nodes/{node}/apt/changelog.
import type { HandlerRegistry } from '../http/types.js';
import { fail, optStr, str, type SimCore } from '../handlers/common.js';

interface Pkg {
  Package: string;
  Title: string;
  OldVersion?: string;
  Version: string;
  Section: string;
  Priority: string;
  Origin: string;
}

const pkg = (name: string, title: string, from: string | undefined, to: string, section = 'admin'): Pkg => ({
  Package: name,
  Title: title,
  ...(from ? { OldVersion: from } : {}),
  Version: to,
  Section: section,
  Priority: 'optional',
  Origin: name.startsWith('lib') && !name.includes('pve') ? 'Debian' : 'Proxmox',
});

/** what the mirror publishes; nodes see a subset until their index is refreshed */
const PUBLISHED: Pkg[] = [
  pkg('pve-manager', 'Proxmox Virtual Environment Management Tools', '9.1.1', '9.1.2'),
  pkg('proxmox-kernel-6.17', 'Latest Proxmox Kernel Image', '6.17.2-1', '6.17.2-2', 'kernel'),
  pkg('qemu-server', 'Qemu Server Tools', '9.1.0', '9.1.1'),
  pkg('libpve-common-perl', 'Proxmox VE base library', '9.0.11', '9.0.13', 'perl'),
  pkg('libssl3t64', 'Secure Sockets Layer toolkit - shared libraries', '3.5.1-1', '3.5.1-1+deb13u1', 'libs'),
];

/** the packages a node saw at its last refresh: the first node is current, the others lag behind by their index */
function initialSeen(nodeIndex: number): Set<string> {
  if (nodeIndex === 0) return new Set();
  return new Set(PUBLISHED.slice(nodeIndex % 2 === 1 ? 1 : 2).map((p) => p.Package));
}

export function registerApt(reg: HandlerRegistry, core: SimCore): void {
  const { state } = core;
  const seen = new Map<string, Set<string>>();
  const nodeNames = [...state.nodes.keys()];
  const seenOf = (node: string): Set<string> => {
    let s = seen.get(node);
    if (!s) {
      s = initialSeen(nodeNames.indexOf(node));
      seen.set(node, s);
    }
    return s;
  };
  reg.add('GET', '/nodes/{node}/apt/update', (req) => {
    const node = state.node(str(req, 'node')).name;
    const known = seenOf(node);
    return PUBLISHED.filter((p) => known.has(p.Package)).map((p) => ({
      ...p,
      Arch: 'amd64',
      Description: `${p.Title}.`,
    }));
  });
  reg.add('POST', '/nodes/{node}/apt/update', (req) => {
    const node = state.node(str(req, 'node')).name;
    return core.tasks.start({
      node,
      type: 'aptupdate',
      id: '',
      principal: req.principal,
      run: async (t) => {
        t.log('starting apt-get update');
        await t.wait();
        const known = seenOf(node);
        for (const p of PUBLISHED) known.add(p.Package);
        t.log(`Reading package lists...`);
        t.log(`${known.size} packages can be upgraded.`);
        state.bump();
      },
    });
  });
  reg.add('GET', '/nodes/{node}/apt/changelog', (req) => {
    state.node(str(req, 'node'));
    const name = str(req, 'name');
    const p = PUBLISHED.find((x) => x.Package === name);
    if (!p) throw fail(`changelog for '${name}' not available`);
    const version = optStr(req, 'version') ?? p.Version;
    return `${name} (${version}) trixie; urgency=medium\n\n  * update to ${version}: bug fixes and improvements.\n\n -- Proxmox Support Team <support@proxmox.com>  Mon, 01 Dec 2025 10:00:00 +0100\n`;
  });
}
