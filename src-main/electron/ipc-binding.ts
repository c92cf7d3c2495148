// Binds the contract to ipcMain: every call goes through the dispatcher, every event goes to every window.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Dispatcher } from '../ipc/dispatch.js';
import type { EventBus } from '../ipc/event-bus.js';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../ipc/channel-names.js';
import { isAppUrl } from '../security-policy.js';
import type { Reply } from '../../src-shared/ipc/errors.js';

/** Only our own app:// frame may call main; anything else (a stray frame, a future webview) is refused. */
function fromTrustedFrame(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url;
  return url !== undefined && isAppUrl(url);
}

/** onConnectionClosed: a window's page went away (closed or reloaded); per-window state in main forgets it. */
export function bindIpc(
  dispatcher: Dispatcher,
  events: EventBus,
  onConnectionClosed?: (connection: string) => void,
): () => void {
  const seen = new Set<number>();
  ipcMain.handle(IPC_INVOKE_CHANNEL, (event, name: unknown, args: unknown): Promise<Reply<unknown>> => {
    if (!fromTrustedFrame(event)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'bad_request', message: 'Request from an untrusted frame' },
      });
    }
    const wc = event.sender;
    // a reload keeps the webContents: the new page's first vote replaces the old one
    if (!seen.has(wc.id)) {
      seen.add(wc.id);
      const id = wc.id;
      wc.once('destroyed', () => {
        seen.delete(id);
        onConnectionClosed?.(`window-${id}`);
      });
    }
    return dispatcher.dispatch(name, args, { host: 'electron', connection: `window-${wc.id}` });
  });
  const unsubscribe = events.subscribe((message) => {
    for (const win of BrowserWindow.getAllWindows()) {
      if (!win.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, message);
    }
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
  };
}
