import { isInt32 } from './id-type';

/**
 * Why a host with numeric ids would refuse this call frame, if it would. Such a host binds
 * `int Sender` / `int Receiver` with System.Text.Json defaults, which refuse a JSON string
 * (`"7"`), a fraction and anything outside `int`: deserialisation fails and nothing is delivered.
 * Never quotes the values: a frame may carry anything, including somebody's token.
 */
export function numericIdProblem(frameText: string): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(frameText);
  } catch {
    return 'not JSON';
  }
  if (typeof json !== 'object' || json === null) return 'not a JSON object';
  for (const field of ['Sender', 'Receiver'] as const) {
    const value: unknown = (json as Record<string, unknown>)[field];
    if (typeof value === 'string') return `${field} is a JSON string, but this server's ids are numbers`;
    if (!isInt32(value)) return `${field} is not a whole number in int range`;
  }
  return undefined;
}
