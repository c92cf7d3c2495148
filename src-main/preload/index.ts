// Preload: exposes window.proxdeck = { invoke, on } and nothing else. Built to CommonJS (sandboxed preloads cannot be ESM).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ProxdeckBridge } from '../../src-shared/ipc/contract.js';
import { IPC_EVENT_CHANNEL as EVENT, IPC_INVOKE_CHANNEL as INVOKE } from '../ipc/channel-names.js';

interface EventMessage {
  event: string;
  payload: unknown;
}

const bridge = {
  invoke: (name: string, args: unknown) => ipcRenderer.invoke(INVOKE, name, args),
  on: (name: string, listener: (payload: unknown) => void) => {
    const handler = (_event: IpcRendererEvent, message: EventMessage) => {
      if (message.event === name) listener(message.payload);
    };
    ipcRenderer.on(EVENT, handler);
    return () => {
      ipcRenderer.off(EVENT, handler);
    };
  },
} as ProxdeckBridge;

contextBridge.exposeInMainWorld('proxdeck', bridge);
