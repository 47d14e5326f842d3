import * as v from 'valibot';
import type { OnlineUser, UserId } from '../../utils/core/protocol/messages';
import { UserIdSchema } from '../../utils/core/protocol/schemas';
import type { UserRecord } from './types';

/** The codec's branded id; the user table was validated at load, so this cannot fail for its ids. */
export function toUserId(id: string): UserId {
  return v.parse(UserIdSchema, id);
}

export function toOnlineUser(user: Pick<UserRecord, 'id' | 'name'>): OnlineUser {
  return { id: toUserId(user.id), name: user.name };
}
