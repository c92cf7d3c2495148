// Local types for the part of noVNC's RFB class the console uses (the package ships plain JavaScript).
declare module '@novnc/novnc' {
  export interface RfbOptions {
    credentials?: { password?: string; username?: string; target?: string };
    wsProtocols?: string[];
    shared?: boolean;
  }
  export interface RfbEventMap {
    connect: CustomEvent<Record<string, never>>;
    disconnect: CustomEvent<{ clean: boolean }>;
    credentialsrequired: CustomEvent<{ types: string[] }>;
    securityfailure: CustomEvent<{ status: number; reason?: string }>;
    desktopname: CustomEvent<{ name: string }>;
  }
  export default class RFB extends EventTarget {
    constructor(target: HTMLElement, urlOrChannel: string | WebSocket, options?: RfbOptions);
    scaleViewport: boolean;
    clipViewport: boolean;
    resizeSession: boolean;
    viewOnly: boolean;
    focusOnClick: boolean;
    background: string;
    disconnect(): void;
    sendCredentials(creds: { password?: string; username?: string }): void;
    sendCtrlAltDel(): void;
    sendKey(keysym: number, code: string | null, down?: boolean): void;
    focus(options?: FocusOptions): void;
    blur(): void;
    addEventListener<K extends keyof RfbEventMap>(type: K, listener: (ev: RfbEventMap[K]) => void): void;
  }
}
