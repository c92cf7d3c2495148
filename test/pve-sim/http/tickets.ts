// PVE auth tickets (RSA-SHA1 signed, -5 min..+2 h) and CSRFPreventionTokens (HMAC-SHA256), with an injectable clock.
import { createHmac, createSign, createVerify, generateKeyPairSync, randomBytes } from 'node:crypto';

const MIN_AGE = -300;
const MAX_AGE = 7200;

export interface TicketSigner {
  /** data is the userid, or `!tfa!<json>` for a half-logged-in ticket (then aad binds it to the user) */
  create(data: string, aad?: string): string;
  /** returns the ticket's data when the signature and age are valid */
  verify(ticket: string, aad?: string): string | undefined;
  csrfToken(userid: string): string;
  verifyCsrf(userid: string, token: string): boolean;
}

const hex8 = (n: number): string => n.toString(16).toUpperCase().padStart(8, '0');

export function createTicketSigner(now: () => number): TicketSigner {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const csrfSecret = randomBytes(32);
  const seconds = (): number => Math.floor(now() / 1000);
  const ageOk = (hex: string): boolean => {
    if (!/^[0-9A-F]{8}$/.test(hex)) return false;
    const age = seconds() - parseInt(hex, 16);
    return age > MIN_AGE && age < MAX_AGE;
  };
  const signed = (plain: string, aad?: string): string => (aad === undefined ? plain : `${plain}:${aad}`);
  const hmac = (hex: string, userid: string): string =>
    createHmac('sha256', csrfSecret).update(`${hex}:${userid}`).digest('base64').replace(/=+$/, '');
  return {
    create(data, aad) {
      const plain = `PVE:${data.replace(/:/g, '%3A')}:${hex8(seconds())}`;
      const sig = createSign('RSA-SHA1').update(signed(plain, aad)).sign(privateKey, 'base64');
      return `${plain}::${sig}`;
    },
    verify(ticket, aad) {
      const m = /^(PVE:([^:]+):([0-9A-F]{8}))::([A-Za-z0-9+/=]+)$/.exec(ticket);
      if (!m?.[1] || !m[2] || !m[3] || !m[4]) return undefined;
      const ok = createVerify('RSA-SHA1').update(signed(m[1], aad)).verify(publicKey, m[4], 'base64');
      if (!ok || !ageOk(m[3])) return undefined;
      return decodeURIComponent(m[2]);
    },
    csrfToken(userid) {
      const hex = hex8(seconds());
      return `${hex}:${hmac(hex, userid)}`;
    },
    verifyCsrf(userid, token) {
      const m = /^([0-9A-F]{8}):(\S+)$/.exec(token);
      return !!m?.[1] && m[2] === hmac(m[1], userid) && ageOk(m[1]);
    },
  };
}
