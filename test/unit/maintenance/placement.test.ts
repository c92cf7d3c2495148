// Placement of an evacuated node's guests: spread by projected memory load, RAM/CPU/local-disk limits, HA rules.
import { describe, expect, it } from 'vitest';
import {
  placeGuests,
  type PlaceGuest,
  type PlaceTarget,
} from '../../../src-main/features/maintenance/placement.js';

const GIB = 1024 ** 3;
const guest = (vmid: number, memGiB: number, extra: Partial<PlaceGuest> = {}): PlaceGuest => ({
  vmid,
  type: 'qemu',
  name: `g${vmid}`,
  running: true,
  template: false,
  mem: memGiB * GIB,
  cpuCores: 1,
  localDiskBytes: 0,
  ...extra,
});
const target = (
  node: string,
  totalGiB: number,
  usedGiB: number,
  extra: Partial<PlaceTarget> = {},
): PlaceTarget => ({
  node,
  online: true,
  memTotal: totalGiB * GIB,
  memUsed: usedGiB * GIB,
  cpus: 32,
  cpuLoad: 0.1,
  localFree: 1000 * GIB,
  ...extra,
});
const base = { source: 'a', rules: [], sidNodes: {}, includeStopped: false };

describe('placeGuests', () => {
  it('spreads by projected load, counting what it already placed', () => {
    const p = placeGuests({
      ...base,
      guests: [guest(1, 16), guest(2, 16), guest(3, 16)],
      targets: [target('b', 128, 32), target('c', 128, 40)],
    });
    expect(p.moves.map((m) => [m.guest.vmid, m.target])).toEqual([
      [1, 'b'],
      [2, 'c'],
      [3, 'b'],
    ]);
    expect(p.targets.find((t) => t.node === 'b')!.freeAfter).toBe(64 * GIB);
  });

  it('reports a guest that fits nowhere and leaves stopped guests and templates by default', () => {
    const p = placeGuests({
      ...base,
      guests: [
        guest(1, 200),
        guest(2, 4, { running: false }),
        guest(3, 4, { running: false, template: true }),
      ],
      targets: [target('b', 128, 32)],
    });
    expect(p.moves).toEqual([]);
    expect(p.cannotMove[0]!.reason).toMatch(/b: needs 200\.0 GiB RAM/);
    expect(p.staying.map((s) => s.reason)).toEqual([
      'stopped: stays (by choice)',
      'template: stays (by choice)',
    ]);
    const all = placeGuests({
      ...base,
      includeStopped: true,
      guests: [guest(2, 400, { running: false })],
      targets: [target('b', 128, 120)],
    });
    expect(all.moves[0]!.target).toBe('b'); // a stopped guest needs no RAM
  });

  it('never breaks a strict node-affinity or negative resource-affinity rule', () => {
    const p = placeGuests({
      ...base,
      guests: [guest(1, 4, { haSid: 'vm:1' }), guest(2, 4, { haSid: 'vm:2' })],
      targets: [target('b', 128, 0), target('c', 128, 100)],
      rules: [
        { type: 'node-affinity', enabled: true, resources: ['vm:1'], nodes: ['a', 'c'], strict: true },
        { type: 'resource-affinity', enabled: true, resources: ['vm:2', 'vm:9'], affinity: 'negative' },
      ],
      sidNodes: { 'vm:9': 'b' },
    });
    expect(p.moves.map((m) => [m.guest.vmid, m.target])).toEqual([
      [1, 'c'],
      [2, 'c'],
    ]);
    const disabled = placeGuests({
      ...base,
      guests: [guest(1, 4, { haSid: 'vm:1' })],
      targets: [target('b', 128, 0), target('c', 128, 100)],
      rules: [{ type: 'node-affinity', enabled: false, resources: ['vm:1'], nodes: ['c'], strict: true }],
    });
    expect(disabled.moves[0]!.target).toBe('b');
  });

  it('refuses offline nodes, CPU past the limit and local disks that do not fit', () => {
    const p = placeGuests({
      ...base,
      guests: [guest(1, 4, { cpuCores: 8, localDiskBytes: 100 * GIB })],
      targets: [
        target('b', 128, 0, { online: false }),
        target('c', 128, 0, { cpuLoad: 0.85 }),
        target('d', 128, 0, { localFree: 50 * GIB }),
      ],
    });
    expect(p.cannotMove[0]!.reason).toBe(
      'b: offline; c: CPU would reach 110%; d: 100.0 GiB of local disks do not fit',
    );
  });
});
