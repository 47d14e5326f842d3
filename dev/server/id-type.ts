import { wireId } from '../../utils/core/protocol/encode';
import type { WireIdType } from '../../utils/core/protocol/messages';
import { toUserId } from './user-id';
import type { UserRecord } from './types';

/** The range of a .NET `int`, which is what a host with numeric ids binds `Sender` to. */
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** Written the way `wireId` turns into a number and back unchanged: no `+`, no leading zeros, no `-0`. */
const CANONICAL_INTEGER = /^(0|-?[1-9]\d*)$/;

export function isInt32(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX;
}

/**
 * A server with numeric ids cannot have a user whose id is not a whole number: refuse to start
 * rather than skip them, since a quietly missing user makes for confusing tests.
 */
export function requireNumericIds(users: readonly UserRecord[], source: string): void {
  users.forEach((user, index) => {
    if (CANONICAL_INTEGER.test(user.id) && isInt32(Number(user.id))) return;
    throw new Error(
      `${source}: entry #${index} (id ${JSON.stringify(user.id.slice(0, 40))}): numeric ids (--ids=number) need every id to be a whole number from ${INT32_MIN} to ${INT32_MAX}`,
    );
  });
}

/** A user id as this server writes it in the JSON APIs and on the socket. */
export function apiId(id: string, idType: WireIdType): string | number {
  return wireId(toUserId(id), idType);
}
