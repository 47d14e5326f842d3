/**
 * The server's `SendTime`, kept for one job only: with the sender, it recognises a call the server
 * delivers again (see `utils/core/calls/replays.ts`). It never sets when a call rang or was missed, so
 * a server whose clock is off, or that writes year 9999, cannot make a call missed on arrival.
 *
 * A .NET round-trip stamp is 33 characters; 64 leaves room for other formats a host may use
 * ("2020/8/6 16:32:22", epoch numbers) while keeping the replay key, stored and compared for every
 * call, small. Control and other invisible characters are not a timestamp.
 */
export const MAX_SEND_TIME_LENGTH = 64;

const PRINTABLE = /^[^\p{C}]*$/u;

/** `SendTime` as the codec keeps it: the text as written when it is a plausible stamp, else `''` (absent). Pure. */
export function boundedSendTime(raw: string | null | undefined): string {
  if (!raw || raw.length > MAX_SEND_TIME_LENGTH || !PRINTABLE.test(raw)) return '';
  return raw;
}
