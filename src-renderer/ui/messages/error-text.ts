// Plain-words explanations for every typed error code a connection attempt can end with.
import type { AppError, ErrorCode } from '../../../src-shared/ipc/errors.js';

export interface ErrorText {
  title: string;
  /** what the user can do about it */
  hint: string;
}

const TEXT: Record<ErrorCode, ErrorText> = {
  bad_request: {
    title: 'Proxdeck refused the request',
    hint: 'A field is not in the expected form; check the profile and try again.',
  },
  unreachable: {
    title: 'The cluster cannot be reached',
    hint: 'Check the host name and port (PVE listens on 8006), that the node is running, and that no firewall or VPN blocks the way.',
  },
  tls_pin_mismatch: {
    title: 'The certificate changed since you trusted it',
    hint: 'Proxdeck blocked the connection. Compare the new fingerprint with the one on the node (Node → System → Certificates, or "pvenode cert info") before trusting it.',
  },
  tls_untrusted: {
    title: 'The certificate is not trusted yet',
    hint: 'PVE nodes use self-signed certificates: compare the fingerprint below with the one on the node, then trust it.',
  },
  timeout: {
    title: 'The cluster did not answer in time',
    hint: 'The node may be overloaded or the network slow; try again, or check the address.',
  },
  auth_failed: {
    title: 'Authentication failed',
    hint: 'Check the token id and secret (or user, realm and password). An expired or deleted token fails the same way; edit the profile and replace the secret.',
  },
  tfa_required: {
    title: 'A second factor is needed',
    hint: 'This account has TOTP enabled: enter the current code from your authenticator app.',
  },
  permission_denied: {
    title: 'Permission denied',
    hint: 'The identity lacks the privilege PVE names below on that path; an administrator can grant it under Datacenter → Permissions.',
  },
  bad_parameter: {
    title: 'PVE rejected a parameter',
    hint: 'Correct the fields listed below and try again.',
  },
  not_found: {
    title: 'Not found',
    hint: 'The object no longer exists, or the cluster is not connected.',
  },
  conflict: {
    title: 'The target is busy or locked',
    hint: 'Another task holds a lock or the configuration changed meanwhile; wait for it to finish and try again.',
  },
  server_error: {
    title: 'PVE reported an error',
    hint: 'The node answered with a server error; its syslog (journalctl -u pveproxy -u pvedaemon) says more.',
  },
  bad_response: {
    title: 'Unexpected answer from the server',
    hint: 'The server does not answer like Proxmox VE does: is this the right host and port, behind no proxy that rewrites answers?',
  },
  read_only: {
    title: 'This profile is read-only',
    hint: 'Changes are refused for read-only profiles; clear "read-only" in the profile to allow them.',
  },
  keychain_unavailable: {
    title: 'The OS keychain is not available',
    hint: 'Proxdeck keeps secrets only in the OS keychain and never in plain text: unlock or start it (Secret Service, Keychain, Credential Manager) and try again.',
  },
  stale_plan: {
    title: 'The target changed since the plan was made',
    hint: 'Review the new plan and confirm again.',
  },
  internal: {
    title: 'Something went wrong inside Proxdeck',
    hint: 'Try again; if it persists, the host output has the details.',
  },
};

export function errorText(error: Pick<AppError, 'code'>): ErrorText {
  return TEXT[error.code];
}

/** Details worth showing; fingerprints get their own panel, and causes from libraries are noise. */
export function visibleDetails(error: AppError): Array<[string, string]> {
  const hidden = new Set(['fingerprint', 'expected', 'reason', 'cause']);
  return Object.entries(error.details ?? {}).filter(([key]) => !hidden.has(key));
}
