// Notifications: success/info close by themselves; errors stay until dismissed or until their page is left.
// Every notice is also kept in a short history for the notification centre.
import { notifications } from '@mantine/notifications';
import { createElement } from 'react';
import { create } from 'zustand';
import type { AppError } from '../../../src-shared/ipc/errors.js';
import { useAppStore } from '../../features/app/app-store.js';
import { ErrorDetails, errorSentences } from '../messages/ErrorDetails.js';

export type NoticeKind = 'success' | 'info' | 'error';

export interface Notice {
  id: string;
  kind: NoticeKind;
  title: string;
  text: string;
  at: number;
  /** the view that raised it; its errors close when the user leaves that view */
  page: string;
  error?: AppError;
  /** what raised it, when a later success makes it moot (a refused plan once a plan is built) */
  scope?: string;
}

interface NoticeState {
  recent: Notice[];
  unread: number;
  markRead(): void;
  clear(): void;
}

const KEEP = 50;
const AUTO_CLOSE_MS = 5000;
let nextId = 1;

export const useNoticeStore = create<NoticeState>()((set) => ({
  recent: [],
  unread: 0,
  markRead: () => set({ unread: 0 }),
  clear: () => set({ recent: [], unread: 0 }),
}));

const COLOR: Record<NoticeKind, string> = { success: 'green', info: 'blue', error: 'red' };

function show(kind: NoticeKind, title: string, text: string, error?: AppError, scope?: string): string {
  const id = `notice-${nextId++}`;
  const page = useAppStore.getState().activeFeature;
  const notice: Notice = {
    id,
    kind,
    title,
    text,
    at: Date.now(),
    page,
    ...(error ? { error } : {}),
    ...(scope ? { scope } : {}),
  };
  useNoticeStore.setState((s) => ({ recent: [notice, ...s.recent].slice(0, KEEP), unread: s.unread + 1 }));
  notifications.show({
    id,
    title,
    color: COLOR[kind],
    message: error ? createElement(ErrorDetails, { error }) : text,
    autoClose: kind === 'error' ? false : AUTO_CLOSE_MS,
    withCloseButton: true,
    closeButtonProps: { 'aria-label': 'Dismiss' },
    'data-testid': `toast-${kind}`,
    'data-page': page,
  } as Parameters<typeof notifications.show>[0]);
  return id;
}

export const notify = {
  success: (title: string, text = ''): string => show('success', title, text),
  info: (title: string, text = ''): string => show('info', title, text),
  error: (title: string, error: AppError, scope?: string): string =>
    show('error', title, errorSentences(error).join(' '), error, scope),
  dismiss: (id: string): void => void notifications.hide(id),
};

/** Closes the error notifications a view raised; called when the user leaves it (they stay in the centre). */
export function clearPageErrors(page: string): void {
  for (const n of useNoticeStore.getState().recent) {
    if (n.kind === 'error' && n.page === page) void notifications.hide(n.id);
  }
}

/** Closes the error notifications of one scope (they stay in the centre): a later success made them moot. */
export function clearScopeErrors(scope: string): void {
  for (const n of useNoticeStore.getState().recent) {
    if (n.kind === 'error' && n.scope === scope) void notifications.hide(n.id);
  }
}
