// The result of a test or connect: server version, cluster, identity and permissions, or what went wrong and
// the next step (trust a certificate, enter a TOTP code, fix the credentials).
import { versionNotice } from '../../../src-shared/model/pve-support.js';
import type { ConnectionSummary } from '../../../src-shared/model/cluster-summary.js';
import type { ProfileView } from '../../../src-shared/model/profile.js';
import { ErrorPanel } from './ErrorPanel.js';
import { TotpPrompt } from './TotpPrompt.js';
import { TrustCertificate } from './TrustCertificate.js';
import type { ProfileOutcome } from './connect-store.js';

function EmptyClusterWarning({ summary }: { summary: ConnectionSummary }) {
  return (
    <div className="warning-panel" role="alert" data-testid="empty-cluster-warning">
      <strong>This token sees an empty cluster</strong>
      <p>{summary.emptyClusterWarning}</p>
      <p>
        In plain words: the connection works, but {summary.identity} has been given no permissions of its own,
        so PVE shows it nothing. To fix it, as an administrator run:
      </p>
      <pre className="command" data-testid="empty-cluster-fix">
        pveum acl modify / --tokens &apos;{summary.identity}&apos; --roles PVEAuditor
      </pre>
      <p className="muted">
        PVEAuditor gives read-only access; choose a wider role if Proxdeck should make changes.
      </p>
    </div>
  );
}

function Summary({ summary, action }: { summary: ConnectionSummary; action: ProfileOutcome['action'] }) {
  const { permissions } = summary;
  return (
    <div className="cx-summary" data-testid="connection-summary">
      <p className="cx-summary-title">{action === 'open' ? 'Connected' : 'Connection test passed'}</p>
      <dl className="cx-summary-grid">
        <dt>Proxmox VE</dt>
        <dd data-testid="summary-version">
          {summary.version}
          {versionNotice(summary.version) && (
            <span className="warning" data-testid="summary-version-notice">
              {' '}
              — {versionNotice(summary.version)}
            </span>
          )}
        </dd>
        <dt>Cluster</dt>
        <dd data-testid="summary-cluster">
          {summary.clusterName ?? 'stand-alone node (or not visible to this identity)'}
        </dd>
        <dt>Nodes</dt>
        <dd data-testid="summary-nodes">
          {summary.nodeCount} ({summary.nodesOnline} online)
        </dd>
        <dt>Guests visible</dt>
        <dd data-testid="summary-guests">{summary.guestCount}</dd>
        <dt>Signed in as</dt>
        <dd data-testid="summary-identity">{summary.identity}</dd>
        <dt>Permissions</dt>
        <dd data-testid="summary-permissions">
          {permissions.privileges.length} privileges on {permissions.pathCount} paths
          {permissions.rootPrivileges.length > 0
            ? `, ${permissions.rootPrivileges.length} cluster-wide`
            : ', none cluster-wide'}
          {permissions.privileges.length > 0 && (
            <details>
              <summary>Show privileges</summary>
              <p className="privilege-list" data-testid="summary-privileges">
                {permissions.privileges.join(', ')}
              </p>
            </details>
          )}
        </dd>
        {summary.fingerprint && (
          <>
            <dt>Certificate</dt>
            <dd>
              <code className="fingerprint" data-testid="summary-fingerprint">
                {summary.fingerprint}
              </code>
            </dd>
          </>
        )}
      </dl>
      {summary.emptyClusterWarning && <EmptyClusterWarning summary={summary} />}
    </div>
  );
}

export function ConnectionStatus({ profile, outcome }: { profile: ProfileView; outcome: ProfileOutcome }) {
  const { error, summary, action } = outcome;
  if (summary) return <Summary summary={summary} action={action} />;
  if (!error) return null;
  if ((error.code === 'tls_untrusted' || error.code === 'tls_pin_mismatch') && error.details?.fingerprint) {
    // Remount on a new fingerprint so a half-finished comparison never applies to another certificate.
    return (
      <TrustCertificate
        key={`${error.code}:${error.details.fingerprint}`}
        profile={profile}
        error={error}
        action={action}
      />
    );
  }
  return (
    <>
      <ErrorPanel error={error} />
      {error.code === 'tfa_required' && <TotpPrompt profileId={profile.id} action={action} />}
    </>
  );
}
