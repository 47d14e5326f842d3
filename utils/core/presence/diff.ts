import type { UserId } from '../protocol/schemas';

export interface OnlineDiff {
  readonly joined: readonly UserId[];
  readonly left: readonly UserId[];
}

/** Who came and who went between two full online lists. Pure; O(n). */
export function diffOnline(before: ReadonlySet<UserId>, after: ReadonlySet<UserId>): OnlineDiff {
  const joined: UserId[] = [];
  const left: UserId[] = [];
  for (const id of after) if (!before.has(id)) joined.push(id);
  for (const id of before) if (!after.has(id)) left.push(id);
  return { joined, left };
}
