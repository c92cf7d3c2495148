// The toast area: shows AppError code, message and details so the user sees what actually went wrong.
import { useToastStore } from './toast-store.js';

export function Toasts() {
  const toasts = useToastStore((s) => s.toasts);
  const dismiss = useToastStore((s) => s.dismiss);
  return (
    <div className="toasts" role="status" aria-live="polite" data-testid="toasts">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.kind}`} data-testid={`toast-${toast.kind}`}>
          <div className="toast-body">
            <strong className="toast-title">{toast.title}</strong>
            {toast.error && (
              <>
                <p className="toast-message" data-testid="toast-message">
                  {toast.error.message}
                  <span className="toast-code">{toast.error.code}</span>
                </p>
                {toast.error.details && (
                  <ul className="toast-details">
                    {Object.entries(toast.error.details).map(([key, value]) => (
                      <li key={key}>
                        <code>{key}</code>: {value}
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </div>
          <button
            type="button"
            className="toast-close"
            aria-label="Dismiss"
            onClick={() => dismiss(toast.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
