// Render counters the e2e tests and the benchmark read (window.__proxdeckRenders) to prove a delta re-renders one row.
type Counts = Record<string, number>;

declare global {
  interface Window {
    __proxdeckRenders?: Counts;
  }
}

const counts: Counts = {};
if (typeof window !== 'undefined') window.__proxdeckRenders = counts;

export function countRender(what: string): void {
  counts[what] = (counts[what] ?? 0) + 1;
}
