/** The part of `runtime.Port` the messaging layer uses; in-memory pairs stand in for it in tests. */
export interface PortLike {
  readonly name: string;
  readonly sender?: {
    readonly id?: string;
    readonly url?: string;
    readonly frameId?: number;
    readonly tab?: { readonly id?: number };
  };
  postMessage(message: unknown): void;
  disconnect(): void;
  readonly onMessage: {
    addListener(listener: (message: unknown) => void): void;
    removeListener(listener: (message: unknown) => void): void;
  };
  readonly onDisconnect: {
    addListener(listener: () => void): void;
  };
}
