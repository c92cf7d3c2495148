// VNC tickets and passwords as PVE 9.1.7+ issues them: "<password>:PVEVNC:<hex time>::<signature>", bound to user, path and port.
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** AccessControl.pm verify_vnc_ticket: valid from 20 s before to 40 s after issue (exclusive). */
const MIN_AGE_S = -20;
const MAX_AGE_S = 40;
const PASSWORD_LENGTH = 8;
const TICKET_RE = /^PVEVNC:([A-Z0-9]{8})::([A-Za-z0-9+/=]+)$/;

export interface VncTicketScope {
  /** user id or full token id of the caller */
  authid: string;
  /** "/vms/<vmid>" or "/nodes/<node>" */
  path: string;
  /** the console's port; tickets from vncproxy are always bound to one */
  port?: number;
}

/** 8 random printable ASCII characters ('!'..'~'), like qemu-server's generated VNC password. */
export function generateVncPassword(): string {
  let out = '';
  for (let i = 0; i < PASSWORD_LENGTH; i++) out += String.fromCharCode(randomInt(0x21, 0x7f));
  return out;
}

export class VncTicketSigner {
  constructor(private readonly secret: Buffer = randomBytes(32)) {}

  private sign(plain: string, scope: VncTicketScope): Buffer {
    return createHmac('sha256', this.secret)
      .update(`${plain}:${scope.authid}:${scope.path}${scope.port === undefined ? '' : `:${scope.port}`}`)
      .digest();
  }

  /**
   * A signed ticket. vncproxy prefixes it with "<password>:" when it generated a password, so that
   * older clients using the ticket as VNC password still work; verify() strips that prefix.
   */
  issue(scope: VncTicketScope, nowSec: number): string {
    const plain = `PVEVNC:${nowSec.toString(16).toUpperCase().padStart(8, '0')}`;
    return `${plain}::${this.sign(plain, scope).toString('base64')}`;
  }

  /**
   * Checks a ticket for exactly this scope and time window. Returns the VNC password carried in the
   * ticket's prefix ('' when there is none), or undefined when the ticket is not valid here.
   */
  verify(ticket: string, scope: VncTicketScope, nowSec: number): string | undefined {
    const hasPrefix =
      ticket.length > PASSWORD_LENGTH && ticket[PASSWORD_LENGTH] === ':' && !ticket.startsWith('PVEVNC:');
    const password = hasPrefix ? ticket.slice(0, PASSWORD_LENGTH) : '';
    const m = TICKET_RE.exec(hasPrefix ? ticket.slice(PASSWORD_LENGTH + 1) : ticket);
    if (!m?.[1] || !m[2]) return undefined;
    const given = Buffer.from(m[2], 'base64');
    const expected = this.sign(`PVEVNC:${m[1]}`, scope);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    const age = nowSec - parseInt(m[1], 16);
    return age > MIN_AGE_S && age < MAX_AGE_S ? password : undefined;
  }
}
