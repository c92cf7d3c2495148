// The firewall rule editor: direction, action, macro or protocol and ports, addresses, log level, comment, enabled.
import { useState } from 'react';
import type { FirewallRuleInput } from '../../../src-shared/ipc/channels/firewall.js';
import { CheckField, Field, SelectField } from '../../components/Form/Field.js';
import { OpsForm } from '../../components/Form/OpsForm.js';

const OPTIONAL = ['macro', 'proto', 'source', 'dest', 'dport', 'sport', 'iface', 'comment'] as const;
type Text = Record<(typeof OPTIONAL)[number], string>;

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
  const [enabled, setEnabled] = useState(initial?.enabled ?? true);
  const [text, setText] = useState<Text>(
    () => Object.fromEntries(OPTIONAL.map((k) => [k, initial?.[k] ?? ''])) as Text,
  );
  const submit = (): void => {
    const rule: FirewallRuleInput = { type, action, enabled };
    for (const k of OPTIONAL) if (text[k].trim() !== '') rule[k] = text[k].trim();
    if (initial?.log) rule.log = initial.log;
    onSubmit(rule);
  };
  return (
    <OpsForm
      data-testid="fw-rule-form"
      onSubmit={() => {
        submit();
      }}
    >
      <SelectField
        label="Direction"
        value={type}
        onChange={(e) => setType(e.target.value as FirewallRuleInput['type'])}
        data-testid="fw-type"
      >
        {['in', 'out', 'forward'].map((t) => (
          <option key={t}>{t}</option>
        ))}
      </SelectField>
      <SelectField
        label="Action"
        value={action}
        onChange={(e) => setAction(e.target.value as FirewallRuleInput['action'])}
        data-testid="fw-action"
      >
        {['ACCEPT', 'DROP', 'REJECT'].map((a) => (
          <option key={a}>{a}</option>
        ))}
      </SelectField>
      {OPTIONAL.map((k) => (
        <Field
          key={k}
          label={k}
          value={text[k]}
          size={k === 'comment' ? 24 : 12}
          onChange={(e) => setText({ ...text, [k]: e.target.value })}
          data-testid={`fw-${k}`}
        />
      ))}
      <CheckField
        label="enabled"
        checked={enabled}
        onChange={(e) => setEnabled(e.target.checked)}
        data-testid="fw-enabled"
      />
      <button type="submit" disabled={disabled} data-testid="fw-submit">
        {submitLabel}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </OpsForm>
  );
}
