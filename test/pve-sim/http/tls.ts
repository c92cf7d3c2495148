// Self-signed certificate for the simulator (CN = node name, SAN 127.0.0.1/localhost) and PVE-style SHA-256 fingerprints.
import { X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';

export interface CertPair {
  cert: string;
  key: string;
}

export async function generateCertificate(commonName: string): Promise<CertPair> {
  const notAfter = new Date(Date.now() + 2 * 365 * 86_400_000);
  const r = await generate([{ name: 'commonName', value: commonName }], {
    keySize: 2048,
    algorithm: 'sha256',
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
          { type: 2, value: commonName },
        ],
      },
    ],
  });
  return { cert: r.cert, key: r.private };
}

/** "AA:BB:..." uppercase hex pairs, as PVE's GUI and pvenode show it */
export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256.toUpperCase();
}
