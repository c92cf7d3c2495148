// Deterministic hashing and pseudo-random numbers so a seed always yields the same cluster and metrics.

/** 32-bit integer mix (a splitmix-style finaliser). */
export function mix32(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Hash any number of integers into [0, 1). */
export function hashUnit(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) h = mix32(h ^ mix32(Math.floor(p) + 0x6d2b79f5));
  return h / 4294967296;
}

export function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A small seeded generator for the one-off choices of the cluster generator. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = mix32(seed ^ 0x5bd1e995) || 1;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    return mix32(this.state) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from empty list');
    return item;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}
