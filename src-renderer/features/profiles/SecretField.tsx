// The write-only secret input: empty when a secret is stored, which is only ever replaced, never shown.
export function SecretField(props: {
  label: string;
  /** a secret is stored and the user has not asked to replace it */
  stored: boolean;
  value: string;
  onChange(value: string): void;
  onReplace(): void;
  error: string | undefined;
}) {
  if (props.stored) {
    return (
      <div className="secret-stored" data-testid="secret-stored">
        <span>{props.label}: secret stored in the OS keychain</span>
        <button type="button" data-testid="secret-replace" onClick={props.onReplace}>
          Replace
        </button>
      </div>
    );
  }
  return (
    <label>
      {props.label}
      <input
        type="password"
        data-testid="profile-secret"
        autoComplete="new-password"
        spellCheck={false}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <span className="field-hint">Stored in the OS keychain; Proxdeck never shows it again.</span>
      {props.error && (
        <span className="field-error" data-testid="field-error-secret">
          {props.error}
        </span>
      )}
    </label>
  );
}
