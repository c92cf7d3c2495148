// What a connection test reports: server identity, cluster size, who we are and what we may do.
import { z } from 'zod';

export const PermissionSummary = z.object({
  /** number of ACL paths on which the identity holds any privilege */
  pathCount: z.number().int(),
  /** every privilege held somewhere, sorted */
  privileges: z.array(z.string()),
  /** privileges held on "/" (cluster-wide) */
  rootPrivileges: z.array(z.string()),
});
export type PermissionSummary = z.infer<typeof PermissionSummary>;

export const ConnectionSummary = z.object({
  profileId: z.string(),
  version: z.string(),
  release: z.string(),
  /** null for a stand-alone node or when the identity may not read /cluster/status */
  clusterName: z.string().nullable(),
  nodeCount: z.number().int(),
  nodesOnline: z.number().int(),
  guestCount: z.number().int(),
  /** user@realm or user@realm!token */
  identity: z.string(),
  permissions: PermissionSummary,
  /** set when an API token sees nothing: the privilege-separation trap */
  emptyClusterWarning: z.string().optional(),
  /** the certificate fingerprint the connection was made with */
  fingerprint: z.string().optional(),
});
export type ConnectionSummary = z.infer<typeof ConnectionSummary>;

export const CertificateInfo = z.object({
  fingerprint: z.string(),
  /** the chain validates against the system or configured CAs for this host name */
  trustedByCa: z.boolean(),
  subject: z.string(),
  issuer: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
});
export type CertificateInfo = z.infer<typeof CertificateInfo>;

export const ConnectionState = z.object({
  profileId: z.string(),
  state: z.enum(['connecting', 'connected', 'disconnected', 'failed']),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type ConnectionState = z.infer<typeof ConnectionState>;
