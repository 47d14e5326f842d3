import type { CallRecord, IncomingCall, OutgoingCall } from '../../../../../utils/core/calls/records';
import type { ConnectionStatus } from '../../../../../utils/core/messages/connection-status';
import type { UserId } from '../../../../../utils/core/protocol/schemas';
import { silentIdentity } from '../../../../../utils/core/identity/status';
import { pageConfig } from '../../../../../utils/core/messages/page-config';
import type { RosterState } from '../../../../../utils/core/messages/roster-state';
import { defaultSettings } from '../../../../../utils/core/settings/validate';

export const id = (value: string) => value as UserId;
export const NOW = new Date(2025, 2, 14, 15, 30, 0).getTime();

export const connected: ConnectionStatus = { phase: 'connected', since: 0, attempt: 0 };

/** The directory of a small office: Chinese and Latin names, one hostile, one very long. */
export const names: Record<string, string> = {
  1: '章三',
  2: '李四',
  3: '王五',
  4: 'Alice Martin',
  5: '赵六',
  9: 'Chloé Dubois',
  13: '<img src=x onerror=alert(1)>',
  29: '欧阳娜娜',
};

export function rosterState(overrides: Partial<RosterState> = {}): RosterState {
  return {
    connection: connected,
    presence: { version: 1, online: ['1', '2', '3', '4', '13'].map(id), lastSeen: { [id('5')]: NOW - 3 * 3600_000 } },
    names,
    me: { id: id('1'), name: '章三', source: 'jwt' },
    identity: silentIdentity,
    page: pageConfig(defaultSettings()),
    calls: { records: [], unseen: 0 },
    doNotDisturb: false,
    setup: { siteUrl: 'https://admin.example.com/login', missingOrigins: [] },
    away: false,
    ...overrides,
  };
}

export function incoming(
  callId: string,
  peer: string,
  status: IncomingCall['status'],
  at: number,
  seen = true,
): IncomingCall {
  return { kind: 'incoming', id: callId, peerId: id(peer), peerName: names[peer] ?? '', at, status, seen };
}

export function outgoing(
  callId: string,
  peer: string,
  status: OutgoingCall['status'],
  at: number,
  error?: OutgoingCall['error'],
): OutgoingCall {
  return {
    kind: 'outgoing',
    id: callId,
    peerId: id(peer),
    at,
    status,
    ...(error ? { error } : {}),
    ...(status === 'queued' ? {} : { settledAt: at }),
  };
}

export function withCalls(records: CallRecord[], unseen = 0): Partial<RosterState> {
  return { calls: { records, unseen } };
}
