// Errors and notices shown in the toast area; any feature pushes an AppError here instead of failing silently.
import { create } from 'zustand';
import type { AppError } from '../../src-shared/ipc/errors.js';

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  title: string;
  error?: AppError;
}

interface ToastState {
  toasts: Toast[];
  pushError(title: string, error: AppError): void;
  pushInfo(title: string): void;
  dismiss(id: number): void;
}

const MAX_TOASTS = 5;
let nextId = 1;

export const useToastStore = create<ToastState>()((set) => ({
  toasts: [],
  pushError: (title, error) =>
    set((s) => ({
      toasts: [...s.toasts, { id: nextId++, kind: 'error' as const, title, error }].slice(-MAX_TOASTS),
    })),
  pushInfo: (title) =>
    set((s) => ({
      toasts: [...s.toasts, { id: nextId++, kind: 'info' as const, title }].slice(-MAX_TOASTS),
    })),
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));
