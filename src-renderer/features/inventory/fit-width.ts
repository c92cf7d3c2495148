// Column widths sized to content: the widest shown text among the rows in view order (a bounded sample, so a
// 50,000-row grid fits in a few milliseconds), measured with the grid's own font.
import type { GridGuest, GuestColumn } from './guest-columns.js';
import { useInventoryStore } from './inventory-store.js';

const SAMPLE = 1500;
/** cell padding, sort mark and resize handle */
const CHROME_PX = 26;
const MAX_PX = 600;

let ctx: CanvasRenderingContext2D | null | undefined;

function measurer(): (text: string) => number {
  if (ctx === undefined) ctx = document.createElement('canvas').getContext('2d');
  const c = ctx;
  if (!c) return (t) => t.length * 7.5;
  const probe = document.querySelector('.grid-body .grid-cell') ?? document.body;
  c.font = getComputedStyle(probe).font || '13px system-ui';
  return (t) => c.measureText(t).width;
}

/** The width that shows the column's header and its sampled cells without cutting them. */
export function fitWidth(col: GuestColumn): number {
  const { gridOrder, records } = useInventoryStore.getState();
  const measure = measurer();
  let widest = measure(col.header) + 14;
  const step = Math.max(1, Math.floor(gridOrder.length / SAMPLE));
  for (let i = 0; i < gridOrder.length; i += step) {
    const g = records.get(gridOrder[i]!);
    if (g?.kind === 'guest') widest = Math.max(widest, measure(col.shown(g as GridGuest)));
  }
  return Math.round(Math.min(MAX_PX, Math.max(col.minSize, widest + CHROME_PX)));
}
