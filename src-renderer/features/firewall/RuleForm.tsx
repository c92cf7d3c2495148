// The firewall rule editor: direction, action, macro or protocol and ports, addresses, log level, comment, enabled.
import {
  Autocomplete,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type { FirewallRuleInput } from '../../../src-shared/ipc/channels/firewall.js';
import { ReasonButton } from '../../ui/DisabledReason.js';

const OPTIONAL = ['macro', 'proto', 'source', 'dest', 'dport', 'sport', 'iface', 'comment'] as const;
type Key = (typeof OPTIONAL)[number];
type Text = Record<Key, string>;

const LABEL: Record<Key, string> = {
  macro: 'Macro',
  proto: 'Protocol',
  source: 'Source',
  dest: 'Destination',
  dport: 'Dest. port',
  sport: 'Source port',
  iface: 'Interface',
  comment: 'Comment',
};
const PLACEHOLDER: Partial<Record<Key, string>> = {
  source: '10.0.0.0/8, +ipset',
  dest: 'any',
  dport: '22, 8000:8100',
  sport: 'any',
  iface: 'net0',
};
const SPEC = /^[^\s'"]{0,512}$/;
/** Why a field is not acceptable, in words; none when fine (empty means "any"). */
const CHECK: Record<Key, [RegExp, string]> = {
  macro: [/^[A-Za-z0-9-]{1,64}$/, 'a PVE macro name such as SSH, HTTPS or Ping'],
  proto: [/^[a-z0-9-]{1,32}$/, 'a protocol name in lower case, like tcp, udp or icmp'],
  source: [SPEC, 'addresses, networks, ranges or an ipset, separated by commas without spaces'],
  dest: [SPEC, 'addresses, networks, ranges or an ipset, separated by commas without spaces'],
  dport: [SPEC, 'ports or ranges like 22 or 8000:8100, separated by commas without spaces'],
  sport: [SPEC, 'ports or ranges like 22 or 8000:8100, separated by commas without spaces'],
  iface: [/^[a-zA-Z][a-zA-Z0-9_.-]{1,19}$/, 'an interface name like net0 or vmbr0'],
  comment: [/^[\s\S]{0,256}$/, 'up to 256 characters'],
};
const MACROS = [
  'SSH',
  'HTTP',
  'HTTPS',
  'DNS',
  'Ping',
  'RDP',
  'SMB',
  'NFS',
  'NTP',
  'SMTP',
  'IMAPS',
  'MySQL',
  'PostgreSQL',
  'Ceph',
  'VNC',
];
const PROTOCOLS = ['tcp', 'udp', 'icmp', 'icmpv6', 'esp', 'gre', 'sctp'];
const LOG_LEVELS = ['nolog', 'emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'] as const;

/** Each field's problem as a sentence, keyed by field. */
export function ruleProblems(text: Text): Partial<Record<Key, string>> {
  const out: Partial<Record<Key, string>> = {};
  for (const k of OPTIONAL) {
    const v = text[k].trim();
    const [re, words] = CHECK[k];
    if (v !== '' && !re.test(v)) out[k] = `${LABEL[k]}: ${words}.`;
  }
  if (
    !out.dport &&
    !out.sport &&
    (text.dport.trim() || text.sport.trim()) &&
    !text.proto.trim() &&
    !text.macro.trim()
  )
    out.proto = 'Protocol: ports need a protocol (tcp or udp) or a macro.';
  return out;
}

export function RuleForm({
  initial,
  submitLabel,
  disabled,
  onSubmit,
  onCancel,
}: {
  initial?: FirewallRuleInput;
  submitLabel: string;
  disabled: boolean;
  onSubmit(rule: FirewallRuleInput): void;
  onCancel(): void;
}) {
  const [type, setType] = useState<FirewallRuleInput['type']>(initial?.type ?? 'in');
  const [action, setAction] = useState<FirewallRuleInput['action']>(initial?.action ?? 'ACCEPT');
  const [log, setLog] = useState<NonNullable<FirewallRuleInput['log']>>(initial?.log ?? 'nolog');
  const [enabled, setEnabled] = useState(initial?.enabled ?? true);
  const [text, setText] = useState<Text>(
    () => Object.fromEntries(OPTIONAL.map((k) => [k, initial?.[k] ?? ''])) as Text,
  );
  const [problems, setProblems] = useState<Partial<Record<Key, string>>>({});
  const submit = (): void => {
    const bad = ruleProblems(text);
    setProblems(bad);
    if (Object.keys(bad).length > 0) return;
    const rule: FirewallRuleInput = { type, action, enabled };
    for (const k of OPTIONAL) if (text[k].trim() !== '') rule[k] = text[k].trim();
    if (log !== 'nolog' || initial?.log) rule.log = log;
    onSubmit(rule);
  };
  const field = (k: Key) => ({
    size: 'xs' as const,
    label: LABEL[k],
    value: text[k],
    error: problems[k],
    placeholder: PLACEHOLDER[k],
    'data-testid': `fw-${k}`,
  });
  return (
    <Paper withBorder p="sm">
      <form
        className="ops-form"
        data-testid="fw-rule-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="xs">
          <Group align="flex-start" gap="sm">
            <NativeSelect
              size="xs"
              label="Direction"
              value={type}
              onChange={(e) => setType(e.currentTarget.value as FirewallRuleInput['type'])}
              data={['in', 'out', 'forward']}
              data-testid="fw-type"
            />
            <NativeSelect
              size="xs"
              label="Action"
              value={action}
              onChange={(e) => setAction(e.currentTarget.value as FirewallRuleInput['action'])}
              data={['ACCEPT', 'DROP', 'REJECT']}
              data-testid="fw-action"
            />
            <Autocomplete
              {...field('macro')}
              data={MACROS}
              onChange={(v) => setText({ ...text, macro: v })}
            />
            <Autocomplete
              {...field('proto')}
              data={PROTOCOLS}
              onChange={(v) => setText({ ...text, proto: v })}
            />
            {(['source', 'dest', 'dport', 'sport', 'iface'] as const).map((k) => (
              <TextInput
                key={k}
                {...field(k)}
                w={k === 'iface' ? 100 : 160}
                onChange={(e) => setText({ ...text, [k]: e.currentTarget.value })}
              />
            ))}
            <NativeSelect
              size="xs"
              label="Log level"
              value={log}
              onChange={(e) => setLog(e.currentTarget.value as typeof log)}
              data={[...LOG_LEVELS]}
              data-testid="fw-log"
            />
          </Group>
          <TextInput
            {...field('comment')}
            onChange={(e) => setText({ ...text, comment: e.currentTarget.value })}
          />
          <Switch
            label="Enabled"
            checked={enabled}
            onChange={(e) => setEnabled(e.currentTarget.checked)}
            data-testid="fw-enabled"
          />
          {Object.keys(problems).length > 0 && (
            <Text size="sm" c="red" role="alert" data-testid="fw-form-error">
              {Object.values(problems).join(' ')}
            </Text>
          )}
          <Group gap="xs">
            <ReasonButton
              type="submit"
              variant="filled"
              size="xs"
              disabled={disabled && 'a plan is being prepared'}
              onClick={() => undefined}
              testId="fw-submit"
            >
              {submitLabel}
            </ReasonButton>
            <Button variant="default" size="xs" onClick={onCancel}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
