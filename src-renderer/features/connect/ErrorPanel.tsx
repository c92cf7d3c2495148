// Shows a typed error as a title, what to do about it, PVE's own message and the details it named.
import type { AppError } from '../../../src-shared/ipc/errors.js';
import { errorText, visibleDetails } from '../../ui/messages/error-text.js';

const DETAIL_LABELS: Record<string, string> = { path: 'Path', privilege: 'Missing privilege' };

export function ErrorPanel({ error }: { error: AppError }) {
  const text = errorText(error);
  const details = visibleDetails(error);
  return (
    <div className="error-panel" role="alert" data-testid="connect-error" data-code={error.code}>
      <strong data-testid="connect-error-title">{text.title}</strong>
      <p className="error-message" data-testid="connect-error-message">
        {error.message}
      </p>
      <p className="error-hint">{text.hint}</p>
      {details.length > 0 && (
        <dl className="error-details" data-testid="connect-error-details">
          {details.map(([key, value]) => (
            <div key={key}>
              <dt>{DETAIL_LABELS[key] ?? key}</dt>
              <dd data-testid={`connect-error-${key}`}>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
