// Trust on first use and re-trust: shows the presented SHA-256 fingerprint as PVE does, lets the user trust it
// or paste the expected one to compare; a changed certificate gets a red warning and an explicit re-trust step.
import { Button, Checkbox, Group, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { AppError } from '../../../src-shared/ipc/errors.js';
import type { CertificateInfo } from '../../../src-shared/model/cluster-summary.js';
import { normalizeFingerprint, type ProfileView } from '../../../src-shared/model/profile.js';
import { getBridge } from '../../bridge.js';
import { ErrorPanel } from './ErrorPanel.js';
import { useConnectStore, type ConnectAction } from './connect-store.js';

interface Props {
  profile: ProfileView;
  error: AppError;
  action: ConnectAction;
}

/** The certificate's details, when the host still presents the fingerprint the failed attempt saw. */
function useCertificate(profile: ProfileView, fingerprint: string | undefined): CertificateInfo | undefined {
  const [info, setInfo] = useState<CertificateInfo>();
  useEffect(() => {
    let cancelled = false;
    void getBridge()
      .invoke('connect.probe', { host: profile.host, port: profile.port })
      .then((reply) => {
        if (!cancelled && reply.ok && reply.value.fingerprint === fingerprint) setInfo(reply.value);
      });
    return () => {
      cancelled = true;
    };
  }, [profile.host, profile.port, fingerprint]);
  return info;
}

function Fingerprint({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="fingerprint-row">
      <span className="fingerprint-label">{label}</span>
      <code className="fingerprint" data-testid={testId}>
        {value}
      </code>
    </div>
  );
}

export function TrustCertificate({ profile, error, action }: Props) {
  const trust = useConnectStore((s) => s.trust);
  const run = useConnectStore((s) => s.run);
  const busy = useConnectStore((s) => s.busy[profile.id]);
  const presented = error.details?.fingerprint;
  const info = useCertificate(profile, presented);
  const [pasted, setPasted] = useState('');
  const [compared, setCompared] = useState<'match' | 'differs' | 'invalid'>();
  const [checked, setChecked] = useState(false);
  const [failure, setFailure] = useState<AppError>();
  const mismatch = error.code === 'tls_pin_mismatch';

  async function trustPresented() {
    if (!presented) return;
    const reply = await trust(profile.id, presented);
    if (!reply.ok) return setFailure(reply.error);
    await run(profile.id, action);
  }

  function compare() {
    const normal = normalizeFingerprint(pasted);
    const result = !normal ? 'invalid' : normal === presented ? 'match' : 'differs';
    setCompared(result);
    if (result === 'match') void trustPresented();
  }

  return (
    <div
      className={mismatch ? 'trust-panel trust-danger' : 'trust-panel'}
      data-testid={mismatch ? 'pin-mismatch' : 'trust-certificate'}
    >
      <strong>
        {mismatch
          ? 'Warning: the certificate of this cluster has changed'
          : 'Check the certificate before you trust it'}
      </strong>
      <p>
        {mismatch
          ? 'Proxdeck did not connect. This happens after a certificate renewal or reinstall, but also when someone intercepts the connection. Do not re-trust unless you know why it changed.'
          : `${profile.host}:${profile.port} uses a certificate no known authority vouches for, as PVE nodes do by default. Compare this SHA-256 fingerprint with the one shown on the node (Node → System → Certificates, or "pvenode cert info").`}
      </p>
      {mismatch && error.details?.expected && (
        <Fingerprint label="Trusted before" value={error.details.expected} testId="fingerprint-expected" />
      )}
      {presented && (
        <Fingerprint
          label={mismatch ? 'Presented now' : 'SHA-256 fingerprint'}
          value={presented}
          testId="fingerprint-presented"
        />
      )}
      {info && (
        <p className="muted cert-info" data-testid="certificate-info">
          Subject {info.subject} · issuer {info.issuer} · valid {info.validFrom} – {info.validTo}
        </p>
      )}
      {presented && (
        <div className="trust-actions">
          <Group className="paste-compare" gap="xs" wrap="nowrap">
            <TextInput
              flex={1}
              aria-label="Expected fingerprint"
              data-testid="fingerprint-paste"
              placeholder="Paste the expected fingerprint to compare"
              value={pasted}
              onChange={(e) => {
                setPasted(e.currentTarget.value);
                setCompared(undefined);
              }}
            />
            <Button
              variant="default"
              data-testid="fingerprint-compare"
              disabled={!pasted || busy !== undefined}
              onClick={compare}
            >
              Compare and trust
            </Button>
          </Group>
          {compared === 'differs' && (
            <p className="compare-result bad" data-testid="fingerprint-differs">
              The pasted fingerprint does not match what the server presents. Nothing was trusted.
            </p>
          )}
          {compared === 'invalid' && (
            <p className="compare-result bad" data-testid="fingerprint-invalid">
              That is not a SHA-256 fingerprint (64 hex digits, colons optional).
            </p>
          )}
          {compared === 'match' && (
            <p className="compare-result good" data-testid="fingerprint-matches">
              The fingerprints match.
            </p>
          )}
          {mismatch ? (
            <div className="retrust">
              <Checkbox
                data-testid="retrust-confirm"
                checked={checked}
                onChange={(e) => setChecked(e.currentTarget.checked)}
                label="I checked the new fingerprint on the node and the change is expected"
              />
              <Button
                color="red"
                data-testid="retrust"
                disabled={!checked || busy !== undefined}
                onClick={() => void trustPresented()}
              >
                Trust the new certificate
              </Button>
            </div>
          ) : (
            <Button data-testid="trust" disabled={busy !== undefined} onClick={() => void trustPresented()}>
              Trust this certificate
            </Button>
          )}
        </div>
      )}
      {failure && <ErrorPanel error={failure} />}
    </div>
  );
}
