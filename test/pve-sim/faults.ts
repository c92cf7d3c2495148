// Fault injection: latency, 5xx rate, connection resets, truncated/malformed JSON, huge bodies, revoked tokens, offline nodes.
import { z } from 'zod';

const rate = z.number().min(0).max(1);

export const faultSettingsSchema = z
  .object({
    /** added delay before each matching request is handled */
    latencyMs: z.number().int().min(0).max(120_000),
    /** faults apply only to paths (after /api2/json) starting with this; '' = all */
    pathPrefix: z.string(),
    /** share of requests answered with a PVE-style 500 */
    errorRate: rate,
    /** share of requests whose socket is destroyed without an answer */
    resetRate: rate,
    /** share of answers whose JSON body is cut in half */
    truncateRate: rate,
    /** share of answers whose body is not JSON at all */
    malformedRate: rate,
    /** share of answers padded to 20 MB */
    hugeRate: rate,
  })
  .strict();

export type FaultSettings = z.infer<typeof faultSettingsSchema>;

export const faultPatchSchema = faultSettingsSchema
  .partial()
  .extend({
    revokeToken: z.string().min(1).optional(),
    nodeOffline: z.string().min(1).optional(),
    nodeOnline: z.string().min(1).optional(),
    reset: z.literal(true).optional(),
  })
  .strict();

export type FaultPatch = z.infer<typeof faultPatchSchema>;

export type FaultAction = 'none' | 'error' | 'reset' | 'truncate' | 'malformed' | 'huge';

export interface Faults {
  /** merge settings; `reset: true` first clears them; revokeToken/nodeOffline/nodeOnline act at once */
  set(patch: FaultPatch): FaultSettings;
  get(): FaultSettings;
  /** what to do with one request; draws from the seeded generator */
  decide(path: string): { latencyMs: number; action: FaultAction };
}

export const HUGE_RESPONSE_BYTES = 20 * 1024 * 1024;

const NONE: FaultSettings = {
  latencyMs: 0,
  pathPrefix: '',
  errorRate: 0,
  resetRate: 0,
  truncateRate: 0,
  malformedRate: 0,
  hugeRate: 0,
};

/** mulberry32: small, seeded, good enough for fault dice */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createFaults(
  seed: number,
  hooks: { revokeToken(id: string): boolean; setNodeOnline(node: string, online: boolean): void },
): Faults {
  let settings: FaultSettings = { ...NONE };
  const random = seeded(seed);
  const roll = (r: number): boolean => r > 0 && (r >= 1 || random() < r);
  return {
    set(patch) {
      const parsed = faultPatchSchema.parse(patch);
      const { revokeToken, nodeOffline, nodeOnline, reset, ...rest } = parsed;
      if (reset) settings = { ...NONE };
      settings = {
        ...settings,
        ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
      };
      if (revokeToken) hooks.revokeToken(revokeToken);
      if (nodeOffline) hooks.setNodeOnline(nodeOffline, false);
      if (nodeOnline) hooks.setNodeOnline(nodeOnline, true);
      return { ...settings };
    },
    get: () => ({ ...settings }),
    decide(path) {
      if (!path.startsWith(settings.pathPrefix)) return { latencyMs: 0, action: 'none' };
      const order: [FaultAction, number][] = [
        ['reset', settings.resetRate],
        ['error', settings.errorRate],
        ['truncate', settings.truncateRate],
        ['malformed', settings.malformedRate],
        ['huge', settings.hugeRate],
      ];
      const hit = order.find(([, r]) => roll(r));
      return { latencyMs: settings.latencyMs, action: hit ? hit[0] : 'none' };
    },
  };
}
