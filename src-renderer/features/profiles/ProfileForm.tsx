// Add or edit a cluster profile. The secret field is write-only: once stored it is never shown, only replaced.
import { useState, type FormEvent } from 'react';
import type { AppError } from '../../../src-shared/ipc/errors.js';
import { ProfileDraft, type ProfileView } from '../../../src-shared/model/profile.js';
import { ErrorPanel } from '../connect/ErrorPanel.js';
import { SecretField } from './SecretField.js';
import { useConnectStore } from '../connect/connect-store.js';

type AuthKind = 'token' | 'password';

interface Fields {
  name: string;
  host: string;
  kind: AuthKind;
  tokenId: string;
  username: string;
  realm: string;
  color: string;
  readOnly: boolean;
}

function initialFields(p: ProfileView | undefined): Fields {
  return {
    name: p?.name ?? '',
    host: p ? (p.port === 8006 ? p.host : `${p.host.includes(':') ? `[${p.host}]` : p.host}:${p.port}`) : '',
    kind: p?.auth.kind ?? 'token',
    tokenId: p?.auth.kind === 'token' ? p.auth.tokenId : '',
    username: p?.auth.kind === 'password' ? p.auth.username : 'root',
    realm: p?.auth.kind === 'password' ? p.auth.realm : 'pam',
    color: p?.color ?? '#3b82f6',
    readOnly: p?.readOnly ?? false,
  };
}

/** The fields a stored secret is bound to: main drops the secret when any of them changes. */
function bindingChanged(before: Fields, after: Fields): boolean {
  return (['host', 'kind', 'tokenId', 'username', 'realm'] as const).some(
    (k) => before[k].trim() !== after[k].trim(),
  );
}

function toDraft(f: Fields, existing: ProfileView | undefined): ProfileDraft {
  return {
    ...(existing ? { id: existing.id } : {}),
    name: f.name,
    host: f.host.trim(),
    auth:
      f.kind === 'token'
        ? { kind: 'token', tokenId: f.tokenId.trim() }
        : { kind: 'password', username: f.username.trim(), realm: f.realm.trim() },
    // The pin stays with the profile; main drops it when the host or port changes.
    ...(existing?.pinnedFingerprint ? { pinnedFingerprint: existing.pinnedFingerprint } : {}),
    color: f.color,
    readOnly: f.readOnly,
  };
}

type TextKey = 'name' | 'host' | 'tokenId' | 'username' | 'realm';

/** One labelled text input of the form; test ids follow the key (tokenId -> profile-token-id, field-error-tokenId). */
function TextField(props: {
  name: TextKey;
  label: string;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  error?: string;
}) {
  return (
    <label>
      {props.label}
      <input
        data-testid={`profile-${props.name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        {...(props.placeholder ? { placeholder: props.placeholder } : {})}
      />
      {props.error ? (
        <span className="field-error" data-testid={`field-error-${props.name}`}>
          {props.error}
        </span>
      ) : null}
    </label>
  );
}

/** zod issue path -> message, keyed like the form fields ("auth.tokenId" -> "tokenId"). */
function fieldErrors(draft: ProfileDraft): Record<string, string> {
  const parsed = ProfileDraft.safeParse(draft);
  if (parsed.success) return {};
  return Object.fromEntries(
    parsed.error.issues.map((i) => [String(i.path[i.path.length - 1] ?? 'form'), i.message]),
  );
}

export function ProfileForm({ profile }: { profile: ProfileView | undefined }) {
  const save = useConnectStore((s) => s.save);
  const remove = useConnectStore((s) => s.remove);
  const setEditing = useConnectStore((s) => s.setEditing);
  const [fields, setFields] = useState(() => initialFields(profile));
  const [secret, setSecret] = useState('');
  const [replacing, setReplacing] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<AppError>();
  const [saving, setSaving] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const kindChanged = profile !== undefined && profile.auth.kind !== fields.kind;
  const needsSecret = !profile?.hasSecret || kindChanged;
  const secretLabel = fields.kind === 'token' ? 'Token secret' : 'Password';
  const set = <K extends keyof Fields>(key: K, value: Fields[K]) =>
    setFields((f) => ({ ...f, [key]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const draft = toDraft(fields, profile);
    const found = fieldErrors(draft);
    if (needsSecret && !secret) found.secret = `${secretLabel} is required`;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    const reply = await save(draft, secret || undefined);
    setSaving(false);
    // The secret leaves the form's memory as soon as main has it (or refused it).
    setSecret('');
    setReplacing(false);
    if (!reply.ok) return setFailure(reply.error);
    setFailure(undefined);
    setEditing(undefined);
  }

  const text = (name: TextKey, label: string, placeholder?: string) => (
    <TextField
      name={name}
      label={label}
      value={fields[name]}
      onChange={(v) => set(name, v)}
      {...(placeholder ? { placeholder } : {})}
      {...(errors[name] ? { error: errors[name] } : {})}
    />
  );

  return (
    <form
      className="profile-form cx-panel"
      data-testid="profile-form"
      onSubmit={(e) => void submit(e)}
      autoComplete="off"
    >
      <h3>{profile ? `Edit ${profile.name}` : 'Add a cluster'}</h3>
      {text('name', 'Name', 'Homelab')}
      {text('host', 'Host', 'pve1.example.com or 192.0.2.10:8006')}
      <fieldset className="auth-kind">
        <legend>Sign in with</legend>
        {(['token', 'password'] as const).map((kind) => (
          <label key={kind} className="inline">
            <input
              type="radio"
              name="auth-kind"
              data-testid={`auth-${kind}`}
              checked={fields.kind === kind}
              onChange={() => set('kind', kind)}
            />
            {kind === 'token' ? 'API token' : 'User and password'}
          </label>
        ))}
      </fieldset>
      {fields.kind === 'token' ? (
        text('tokenId', 'Token id', 'user@pve!tokenid')
      ) : (
        <div className="form-row">
          {text('username', 'User')}
          {text('realm', 'Realm', 'pam or pve')}
        </div>
      )}
      <SecretField
        label={secretLabel}
        stored={!needsSecret && !replacing}
        value={secret}
        onChange={setSecret}
        onReplace={() => setReplacing(true)}
        error={errors.secret}
      />
      <div className="form-row">
        <label>
          Colour
          <input
            type="color"
            data-testid="profile-color"
            value={fields.color}
            onChange={(e) => set('color', e.target.value)}
          />
        </label>
        <label className="inline">
          <input
            type="checkbox"
            data-testid="profile-readonly"
            checked={fields.readOnly}
            onChange={(e) => set('readOnly', e.target.checked)}
          />
          Read-only (refuse every change to this cluster)
        </label>
      </div>
      {profile?.hasSecret && bindingChanged(initialFields(profile), fields) && (
        <p className="warning" role="alert" data-testid="profile-secret-warning">
          Changing the host, port, sign-in method or user drops the stored secret; you will enter it again.
        </p>
      )}
      {failure && <ErrorPanel error={failure} />}
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="profile-save" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" data-testid="profile-cancel" onClick={() => setEditing(undefined)}>
          Cancel
        </button>
        {profile &&
          (confirmDelete ? (
            <button
              type="button"
              className="danger"
              data-testid="profile-delete-confirm"
              onClick={() => void remove(profile.id)}
            >
              Delete profile and its stored secret
            </button>
          ) : (
            <button
              type="button"
              className="danger-outline"
              data-testid="profile-delete"
              onClick={() => setConfirmDelete(true)}
            >
              Delete…
            </button>
          ))}
      </div>
    </form>
  );
}
