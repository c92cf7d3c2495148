// The old toast API, kept as thin wrappers over ui/notifications so existing call sites need no change.
import type { AppError } from '../../src-shared/ipc/errors.js';
import { notify } from '../ui/notifications/notify.js';

interface ToastApi {
  pushError(title: string, error: AppError, scope?: string): void;
  pushInfo(title: string): void;
  pushSuccess(title: string, text?: string): void;
}

const api: ToastApi = {
  pushError: (title, error, scope) => void notify.error(title, error, scope),
  pushInfo: (title) => void notify.info(title),
  pushSuccess: (title, text) => void notify.success(title, text),
};

/** Same shape as before (`useToastStore.getState().pushError(...)`); new code calls `notify` directly. */
export const useToastStore = { getState: (): ToastApi => api };
