import { describe, expect, test } from 'vitest';
import { routeInbound, type InboundSink } from '../../../../utils/background/service/inbound';
import type { InboundMessage, OnlineUser, UserId } from '../../../../utils/core/protocol/messages';

const user = (id: string, name?: string): OnlineUser => ({ id: id as UserId, ...(name ? { name } : {}) });

function recordingSink() {
  const calls: unknown[][] = [];
  const sink: InboundSink = {
    classify: () => 'incoming',
    online: (...args) => void calls.push(['online', ...args]),
    idType: (type) => void calls.push(['idType', type]),
    incomingCall: (call) => void calls.push(['incomingCall', call.senderId]),
    debug: (text) => void calls.push(['debug', text]),
  };
  return { sink, calls };
}

describe('an online list', () => {
  test.each([
    [
      'ids only',
      { kind: 'online', users: [user('1'), user('2')], rejected: 0, idType: 'string' },
      [
        ['idType', 'string'],
        ['online', ['1', '2'], [], true],
      ],
    ],
    [
      'names go along, in list order; unnamed users only count as online',
      { kind: 'online', users: [user('7', '李四'), user('8'), user('9', 'Bob')], rejected: 0, idType: 'number' },
      [
        ['idType', 'number'],
        [
          'online',
          ['7', '8', '9'],
          [
            ['7', '李四'],
            ['9', 'Bob'],
          ],
          true,
        ],
      ],
    ],
    [
      'with bad entries: incomplete, and said so',
      { kind: 'online', users: [user('1')], rejected: 2, idType: 'string' },
      [
        ['idType', 'string'],
        ['online', ['1'], [], false],
        ['debug', 'online list: 2 bad entries skipped'],
      ],
    ],
    ['empty: nobody, and no id type', { kind: 'online', users: [], rejected: 0 }, [['online', [], [], true]]],
  ] satisfies [string, InboundMessage, unknown[][]][])('%s', (_, message, expected) => {
    const { sink, calls } = recordingSink();
    routeInbound(message, sink);
    expect(calls).toEqual(expected);
  });
});
