// Power-state transitions of a guest (shared by status actions, rollback, restore and control).
import { applyPending } from './config-update.js';
import type { Guest } from './model.js';

export function powerOn(g: Guest, nowMs: number): void {
  if (g.power === 'stopped') {
    g.startedAt = nowMs;
    applyPending(g);
  }
  g.power = 'running';
}

export function powerOff(g: Guest, nowMs: number): void {
  if (g.power !== 'stopped') g.stoppedAt = nowMs;
  g.power = 'stopped';
}
