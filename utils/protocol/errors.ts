export type ProtocolErrorCode = 'too-large' | 'binary' | 'not-json' | 'invalid-frame';

/** A frame we refuse. Returned, never thrown: one bad frame must not cost the socket. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';

  constructor(
    readonly code: ProtocolErrorCode,
    message: string,
  ) {
    super(message);
  }
}
