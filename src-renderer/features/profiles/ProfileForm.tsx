// Add or edit a cluster profile. The secret field is write-only: once stored it is never shown, only replaced.
import {
  Alert,
  Button,
  Checkbox,
  ColorInput,
  Group,
  Paper,
  Radio,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { AppError } from '../../../src-shared/ipc/errors.js';
import { ProfileDraft, type ProfileView } from '../../../src-shared/model/profile.js';
import { issueSentences } from '../../ui/messages/validation.js';
import { ErrorPanel } from '../connect/ErrorPanel.js';
import { SecretField } from './SecretField.js';
import { useConnectStore } from '../connect/connect-store.js';
import { MakeWritableDialog } from './MakeWritableDialog.js';

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
  primary: boolean;
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
    primary: p?.primary ?? false,
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
    primary: f.primary,
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
    <TextInput
      label={props.label}
      data-testid={`profile-${props.name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      {...(props.placeholder ? { placeholder: props.placeholder } : {})}
      error={props.error ? <span data-testid={`field-error-${props.name}`}>{props.error}</span> : undefined}
    />
  );
}

/** Field -> a sentence about it, keyed like the form fields ("auth.tokenId" -> "tokenId"). */
function fieldErrors(draft: ProfileDraft): Record<string, string> {
  const parsed = ProfileDraft.safeParse(draft);
  return parsed.success ? {} : issueSentences(parsed.error.issues);
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
  const [askWritable, setAskWritable] = useState(false);
  const load = useConnectStore((s) => s.load);

  const kindChanged = profile !== undefined && profile.auth.kind !== fields.kind;
  const dropsSecret = profile?.hasSecret === true && bindingChanged(initialFields(profile), fields);
  const needsSecret = !profile?.hasSecret || kindChanged || dropsSecret;
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
    <Paper
      withBorder
      p="md"
      component="form"
      data-testid="profile-form"
      onSubmit={(e: FormEvent) => void submit(e)}
      autoComplete="off"
      maw={720}
    >
      <Stack gap="sm">
        <Title order={2} size="h3">
          {profile ? `Edit ${profile.name}` : 'Add a cluster'}
        </Title>
        {text('name', 'Name', 'Homelab')}
        {text('host', 'Host', 'pve1.example.com or 192.0.2.10:8006')}
        <Radio.Group
          label="Sign in with"
          value={fields.kind}
          onChange={(v) => set('kind', v === 'password' ? 'password' : 'token')}
        >
          <Group gap="md" mt={4}>
            <Radio value="token" label="API token" data-testid="auth-token" />
            <Radio value="password" label="User and password" data-testid="auth-password" />
          </Group>
        </Radio.Group>
        {fields.kind === 'token' ? (
          text('tokenId', 'Token id', 'user@pve!tokenid')
        ) : (
          <Group grow align="flex-start">
            {text('username', 'User')}
            {text('realm', 'Realm', 'pam or pve')}
          </Group>
        )}
        <SecretField
          label={secretLabel}
          stored={!needsSecret && !replacing}
          value={secret}
          onChange={setSecret}
          onReplace={() => setReplacing(true)}
          error={errors.secret}
        />
        <Group align="flex-end" gap="lg">
          <ColorInput
            label="Colour"
            data-testid="profile-color"
            value={fields.color}
            onChange={(v) => set('color', v)}
            format="hex"
            withEyeDropper={false}
            // no pop-over picker: it would cover the Save button until the user clicks elsewhere
            withPicker={false}
            w={160}
            error={errors.color}
          />
          <Checkbox
            data-testid="profile-readonly"
            checked={fields.readOnly}
            onChange={(e) => {
              // A saved read-only profile becomes writable only through its own confirmed step (typed name).
              if (profile?.readOnly && !e.currentTarget.checked) setAskWritable(true);
              else set('readOnly', e.currentTarget.checked);
            }}
            label="Read-only (refuse every change to this cluster)"
          />
          <Checkbox
            data-testid="profile-primary"
            checked={fields.primary}
            onChange={(e) => set('primary', e.currentTarget.checked)}
            label="Primary (when several profiles reach this cluster, show it through this one)"
          />
        </Group>
        {dropsSecret && (
          <Alert color="yellow" role="alert" data-testid="profile-secret-warning">
            Changing the host, port, sign-in method or user drops the stored secret; you will enter it again.
          </Alert>
        )}
        {askWritable && profile && (
          <MakeWritableDialog
            profileId={profile.id}
            onClose={(done) => {
              setAskWritable(false);
              if (done) {
                set('readOnly', false);
                void load();
              }
            }}
          />
        )}
        {failure && <ErrorPanel error={failure} />}
        <Group gap="xs">
          <Button type="submit" data-testid="profile-save" loading={saving}>
            Save
          </Button>
          <Button variant="default" data-testid="profile-cancel" onClick={() => setEditing(undefined)}>
            Cancel
          </Button>
          {profile &&
            (confirmDelete ? (
              <Button
                color="red"
                data-testid="profile-delete-confirm"
                onClick={() => void remove(profile.id)}
              >
                Delete profile and its stored secret
              </Button>
            ) : (
              <Button
                variant="outline"
                color="red"
                data-testid="profile-delete"
                onClick={() => setConfirmDelete(true)}
              >
                Delete…
              </Button>
            ))}
        </Group>
      </Stack>
    </Paper>
  );
}
