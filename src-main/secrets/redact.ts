// Scrubs known secret values (token secrets, passwords, tickets) from any text before it is logged.
const known = new Set<string>();

/** Remember a secret so later log lines and error texts can be scrubbed of it. */
export function registerSecret(value: string): void {
  // Very short values would turn ordinary words into "[redacted]"; PVE secrets are long.
  if (value.length >= 6) known.add(value);
}

export function forgetSecret(value: string): void {
  known.delete(value);
}

/** Replaces every registered secret (and its URL-encoded form) with [redacted]. */
export function redact(text: string): string {
  let out = text;
  for (const secret of known) {
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      if (out.includes(form)) out = out.split(form).join('[redacted]');
    }
  }
  return out;
}
