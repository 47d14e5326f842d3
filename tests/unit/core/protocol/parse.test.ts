import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseFrame, type ParseResult } from '../../../../utils/core/protocol/parse';
import { listJson, schemaOnlyList } from './helpers/online-lists';

const legacyCall =
  '{"Sender":"7","Receiver":"1","SendTime":"2020-08-06T16:32:22.3224288+08:00",' +
  '"Message":{"Event":"Call","Data":{"sender":"李四","type":"呼叫","receiver":"章三"}},"Type":"Event"}';

function message(result: ParseResult) {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.message;
}

describe('online lists', () => {
  test.each([
    [
      'string ids (the recipe)',
      '{"Type":"Chat","Message":["1","7","42"]}',
      [{ id: '1' }, { id: '7' }, { id: '42' }],
      'string',
    ],
    ['numeric ids', '{"Type":"Chat","Message":[1,7,42]}', [{ id: '1' }, { id: '7' }, { id: '42' }], 'number'],
    [
      'objects with names',
      '{"Type":"Chat","Message":[{"userId":"1","userName":"章三"},{"userId":7,"userName":"李四"}]}',
      [
        { id: '1', name: '章三' },
        { id: '7', name: '李四' },
      ],
      'string',
    ],
    [
      'objects with numeric ids',
      '{"Type":"Chat","Message":[{"userId":1,"userName":"章三"}]}',
      [{ id: '1', name: '章三' }],
      'number',
    ],
    [
      'objects without names',
      '{"Type":"Chat","Message":[{"userId":"1"},{"userId":"2","userName":null},{"userId":"3","userName":"  "}]}',
      [{ id: '1' }, { id: '2' }, { id: '3' }],
      'string',
    ],
    [
      'mixed ids and objects',
      '{"Type":"Chat","Message":["1",{"userId":"2","userName":"Bob"}]}',
      [{ id: '1' }, { id: '2', name: 'Bob' }],
      'string',
    ],
    ['an empty list (everyone left)', '{"Type":"Chat","Message":[]}', [], undefined],
    [
      'duplicates collapse, first wins',
      '{"Type":"Chat","Message":["1",1,{"userId":"1","userName":"x"}]}',
      [{ id: '1' }],
      'string',
    ],
    ['ids are trimmed', '{"Type":"Chat","Message":[" 5 "]}', [{ id: '5' }], 'string'],
    [
      'hostile names stay data',
      '{"Type":"Chat","Message":[{"userId":"9","userName":"<img src=x onerror=alert(1)>"}]}',
      [{ id: '9', name: '<img src=x onerror=alert(1)>' }],
      'string',
    ],
    ['a bad first entry does not decide the id type', '{"Type":"Chat","Message":[true,7]}', [{ id: '7' }], 'number'],
  ])('%s', (_, frame, users, idType) => {
    const rejected = frame.includes('true') ? 1 : 0;
    expect(message(parseFrame(frame))).toEqual({ kind: 'online', users, rejected, ...(idType ? { idType } : {}) });
  });

  test.each([
    ['empty string id', '""'],
    ['float id', '1.5'],
    ['boolean', 'true'],
    ['null', 'null'],
    ['object without userId', '{"userName":"x"}'],
    ['nested array', '[1]'],
    ['over-long id', JSON.stringify('x'.repeat(129))],
  ])('a bad entry (%s) is counted, the rest kept', (_, entry) => {
    const result = message(parseFrame(`{"Type":"Chat","Message":["1",${entry},"2"]}`));
    expect(result).toEqual({ kind: 'online', users: [{ id: '1' }, { id: '2' }], rejected: 1, idType: 'string' });
  });
});

describe('online lists read by hand are what the schema reads', () => {
  const options = { maxBytes: 16 * 1024 * 1024, heartbeatPayload: 'heart check' };
  /** Errors compared by what they say: the same class, code, text and frame type. */
  const plain = (result: ParseResult) => {
    if (result.ok) return result;
    const { name, code, message, frameType } = result.error;
    return { ok: false, name, code, message, frameType };
  };

  test('on lists of common and hostile entries, duplicates included', () => {
    fc.assert(
      fc.property(listJson, (list) => {
        const frame = `{"Type":"Chat","Message":${list}}`;
        expect(plain(parseFrame(frame, options))).toStrictEqual(plain(schemaOnlyList(JSON.parse(frame))));
      }),
      { numRuns: 3000 },
    );
  });

  test.each([
    ['no Message', '{"Type":"Chat"}', 'Chat: Message: Invalid key: Expected "Message" but received undefined'],
    [
      'a string Message',
      '{"Type":"Chat","Message":"1,2"}',
      'Chat: Message: Invalid type: Expected Array but received "1,2"',
    ],
    [
      'a null Message',
      '{"Type":"Chat","Message":null}',
      'Chat: Message: Invalid type: Expected Array but received null',
    ],
    [
      'an object Message',
      '{"Type":"Chat","Message":{"0":"1"}}',
      'Chat: Message: Invalid type: Expected Array but received Object',
    ],
  ])("a list that is not one (%s) gets the schema's error", (_, frame, text) => {
    const result = parseFrame(frame);
    expect(plain(result)).toStrictEqual(plain(schemaOnlyList(JSON.parse(frame))));
    expect(!result.ok && result.error).toMatchObject({ code: 'invalid-frame', message: text, frameType: 'Chat' });
  });
});

describe('calls', () => {
  test('the recipe call frame', () => {
    expect(message(parseFrame(legacyCall))).toEqual({
      kind: 'call',
      call: {
        senderId: '7',
        receiverId: '1',
        senderName: '李四',
        receiverName: '章三',
        callType: '呼叫',
        sendTimeText: '2020-08-06T16:32:22.3224288+08:00',
        sendTime: { epochMs: Date.UTC(2020, 7, 6, 8, 32, 22, 322), ticks: 3224288, offset: 480 },
        idType: 'string',
      },
    });
  });

  test.each([
    ['empty SendTime (server did not stamp)', '""', ''],
    ['missing SendTime', undefined, ''],
    ['unparseable SendTime', '"yesterday"', 'yesterday'],
  ])('%s keeps the call', (_, sendTime, text) => {
    const frame = JSON.parse(legacyCall) as Record<string, unknown>;
    if (sendTime === undefined) delete frame.SendTime;
    else frame.SendTime = JSON.parse(sendTime);
    const result = message(parseFrame(JSON.stringify(frame)));
    expect(result.kind === 'call' && result.call.sendTimeText).toBe(text);
    expect(result.kind === 'call' && result.call.sendTime).toBeUndefined();
  });

  test.each([
    [
      'all three, cleaned',
      { url: 'https://a.example/o/1', title: ' T\n1 ', note: 'n' },
      { url: 'https://a.example/o/1', title: 'T 1', note: 'n' },
    ],
    ['a javascript: url is dropped, never the call', { url: 'javascript:alert(1)', title: 'T' }, { title: 'T' }],
    ['wrong types are dropped, never the call', { url: 1, title: {}, note: [] }, undefined],
    ['a huge note is cut', { note: 'x'.repeat(10_000) }, { note: `${'x'.repeat(139)}…` }],
  ])('context: %s', (_, extra, context) => {
    const frame = JSON.parse(legacyCall) as { Message: { Data: Record<string, unknown> } };
    frame.Message.Data = { ...frame.Message.Data, ...extra };
    const result = message(parseFrame(JSON.stringify(frame)));
    expect(result.kind === 'call' && result.call.senderName).toBe('李四');
    expect(result.kind === 'call' && result.call.context).toEqual(context);
  });

  test("numeric ids are normalised to strings, and the server's id type is kept", () => {
    const result = message(parseFrame(legacyCall.replace('"Sender":"7"', '"Sender":7')));
    expect(result.kind === 'call' && result.call.senderId).toBe('7');
    expect(result.kind === 'call' && result.call.idType).toBe('number');
  });
});

describe('ignored, not errors', () => {
  test.each([
    ['unknown Type', '{"Type":"Typing","Message":{}}', 'unknown-type', 'Typing'],
    ['unknown Event', legacyCall.replace('"Event":"Call"', '"Event":"Hangup"'), 'unknown-event', 'Hangup'],
    ['heartbeat echo', 'heart check', 'heartbeat', 'heartbeat echo'],
  ])('%s', (_, frame, why, what) => {
    expect(message(parseFrame(frame))).toEqual({ kind: 'ignored', why, what });
  });
});

describe('refused with a typed error', () => {
  test.each([
    ['binary', new ArrayBuffer(4), 'binary'],
    ['not JSON', '{"Type":', 'not-json'],
    ['a JSON string', '"Chat"', 'invalid-frame'],
    ['no Type', '{"Message":[]}', 'invalid-frame'],
    ['numeric Type', '{"Type":1}', 'invalid-frame'],
    ['Chat without a list', '{"Type":"Chat","Message":"1,2"}', 'invalid-frame'],
    [
      'Event without Sender',
      '{"Type":"Event","Receiver":"1","Message":{"Event":"Call","Data":{"type":"呼叫"}}}',
      'invalid-frame',
    ],
    ['Call with string Data', legacyCall.replace(/"Data":\{[^}]*\}/, '"Data":"hi"'), 'invalid-frame'],
    ['over-long sender name', legacyCall.replace('李四', 'x'.repeat(201)), 'invalid-frame'],
  ])('%s', (_, frame, code) => {
    const result = parseFrame(frame);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ name: 'ProtocolError', code });
  });

  test('frames over the limit are dropped before JSON.parse', () => {
    const huge = `{"Type":"Chat","Message":[${'"1",'.repeat(300_000)}"2"]}`;
    const parse = JSON.parse;
    let parsed = false;
    JSON.parse = (...args: Parameters<typeof JSON.parse>): unknown => ((parsed = true), parse(...args));
    try {
      expect(parseFrame(huge)).toMatchObject({ ok: false, error: { code: 'too-large' } });
    } finally {
      JSON.parse = parse;
    }
    expect(parsed).toBe(false);
  });

  test.each([
    ['ASCII at the limit', 'a'.repeat(100), 100, true],
    ['ASCII one over', 'a'.repeat(101), 100, false],
    ['CJK counts three bytes each', '章'.repeat(34), 100, false],
    ['CJK under the limit', '章'.repeat(33), 100, true],
    ['emoji counts four bytes', '😀'.repeat(25), 100, true],
    ['emoji one over', '😀'.repeat(26), 100, false],
  ])('size limit in UTF-8 bytes: %s', (_, body, maxBytes, fits) => {
    const result = parseFrame(body, { maxBytes, heartbeatPayload: 'heart check' });
    expect(result.ok || result.error.code !== 'too-large').toBe(fits);
  });
});

describe('never throws', () => {
  const options = { maxBytes: 4096, heartbeatPayload: 'heart check' };

  test('on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        parseFrame(text, options);
      }),
      { numRuns: 2000 },
    );
  });

  test('on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        parseFrame(JSON.stringify(value), options);
      }),
      { numRuns: 2000 },
    );
  });

  test('on frames shaped like the protocol with arbitrary fields', () => {
    const anything = fc.anything({ maxDepth: 3 });
    const frame = fc.record(
      {
        Type: fc.oneof(fc.constantFrom('Chat', 'Event'), anything),
        Message: fc.oneof(
          fc.array(fc.oneof(anything, fc.record({ userId: anything, userName: anything }))),
          fc.record({
            Event: fc.oneof(fc.constant('Call'), anything),
            Data: fc.oneof(fc.record({ sender: anything, type: anything, receiver: anything }), anything),
          }),
          anything,
        ),
        Sender: anything,
        Receiver: anything,
        SendTime: fc.oneof(fc.string(), anything),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(frame, (value) => {
        const result = parseFrame(JSON.stringify(value), options);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 3000 },
    );
  });

  test('on non-string inputs', () => {
    const nonString = fc.anything().filter((value) => typeof value !== 'string');
    fc.assert(
      fc.property(nonString, (value) => {
        expect(parseFrame(value, options).ok).toBe(false);
      }),
      { numRuns: 500, examples: [[undefined], [null], [new Uint8Array(3)]] },
    );
  });
});
