import type { UserRecord } from '../server/types';

/** The first users of the table are left to people signing in on the demo page. */
export const HUMAN_COUNT = 5;

export function humanUsers(users: readonly UserRecord[]): UserRecord[] {
  return users.slice(0, HUMAN_COUNT);
}

/** Every user a bot may play; `startBots` never calls any of them. */
export function botUsers(users: readonly UserRecord[]): UserRecord[] {
  return users.slice(HUMAN_COUNT);
}
