import type { RingingCall } from '../../../../../utils/core/calls/records';
import type { UserId } from '../../../../../utils/core/protocol/schemas';

export const ringingCall = (id: string, at: number, callerName = `Caller ${id}`): RingingCall => ({
  id,
  callerId: id as UserId,
  callerName,
  at,
});
