// Channels for connecting to a cluster: certificate probe, trust (pin), test, open and close.
import { z } from 'zod';
import { event, request } from '../define.js';
import { CertificateInfo, ConnectionState, ConnectionSummary } from '../../model/cluster-summary.js';
import { Fingerprint, ProfileView } from '../../model/profile.js';

const ProfileRef = z.object({
  profileId: z.string().min(1).max(64),
  /** TOTP code, when the account has a second factor */
  otp: z
    .string()
    .regex(/^\d{6,8}$/)
    .optional(),
});

export const connectRequests = {
  /**
   * host may be "host", "host:port"; returns the presented certificate for trust-on-first-use. Only a saved
   * profile's address, or (userTyped) the one the user typed in the connect form; rate-limited.
   */
  'connect.probe': request(
    z
      .object({
        host: z.string().min(1).max(300),
        port: z.number().int().min(1).max(65535).optional(),
        userTyped: z.boolean().optional(),
      })
      .strict(),
    CertificateInfo,
  ),
  /** pin the fingerprint main saw when it probed this profile's host:port (the user confirmed it); else refused */
  'connect.trust': request(
    z.object({ profileId: z.string().min(1).max(64), fingerprint: Fingerprint }).strict(),
    ProfileView,
  ),
  'connect.test': request(ProfileRef.strict(), ConnectionSummary),
  'connect.open': request(ProfileRef.strict(), ConnectionSummary),
  'connect.close': request(
    z.object({ profileId: z.string().min(1).max(64) }).strict(),
    z.object({ closed: z.boolean() }),
  ),
  /** the current connection states, for a renderer that (re)loads while connections are open */
  'connect.states': request(z.object({}).strict(), z.object({ connections: z.array(ConnectionState) })),
} as const;

export const connectEvents = {
  'connections.changed': event(z.object({ connections: z.array(ConnectionState) })),
} as const;
