export type ProtocolErrorCode = 'too-large' | 'binary' | 'not-json' | 'invalid-frame';

/** A frame we refuse. Returned, never thrown: one bad frame must not cost the socket. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';

  constructor(
    readonly code: ProtocolErrorCode,
    message: string,
    /** The frame's `Type` when it was read that far (`Chat`: an online list was lost). */
    readonly frameType?: string,
  ) {
    super(message);
  }
}
