// Electron IPC channel names shared by main and the preload; kept alone so the preload bundle stays tiny.
export const IPC_INVOKE_CHANNEL = 'proxdeck:invoke';
export const IPC_EVENT_CHANNEL = 'proxdeck:event';
