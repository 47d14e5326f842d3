import { expect, test } from 'vitest';
import { dotNetTimeAt } from '../../../../utils/core/protocol/dotnet-time';
import { encodeCall, encodeOnlineList, wireId } from '../../../../utils/core/protocol/encode';
import type { UserId } from '../../../../utils/core/protocol/messages';
import { parseFrame } from '../../../../utils/core/protocol/parse';

const id = (value: string) => value as UserId;

test('a call is the legacy frame, byte for byte', () => {
  const frame = encodeCall({
    senderId: id('7'),
    receiverId: id('1'),
    senderName: '李四',
    receiverName: '章三',
    sendTime: { ...dotNetTimeAt(Date.UTC(2020, 7, 6, 8, 32, 22, 322), 480), ticks: 3224288 },
  });
  expect(frame).toBe(
    '{"Sender":"7","Receiver":"1","SendTime":"2020-08-06T16:32:22.3224288+08:00",' +
      '"Message":{"Event":"Call","Data":{"sender":"李四","type":"呼叫","receiver":"章三"}},"Type":"Event"}',
  );
});

test('without a time the server is left to stamp SendTime', () => {
  const frame = encodeCall({ senderId: id('7'), receiverId: id('1'), senderName: '', receiverName: '' });
  expect(JSON.parse(frame)).toMatchObject({ SendTime: '' });
});

test('names with quotes and markup survive the round trip as data', () => {
  const senderName = '"</script><img src=x onerror=alert(1)>\\';
  const result = parseFrame(encodeCall({ senderId: id('7'), receiverId: id('1'), senderName, receiverName: 'b' }));
  expect(result.ok && result.message.kind === 'call' && result.message.call.senderName).toBe(senderName);
});

test.each([
  ['ids', '{"Type":"Chat","Message":["1","2"]}'],
  ['objects', '{"Type":"Chat","Message":[{"userId":"1","userName":"章三"},{"userId":"2","userName":""}]}'],
] as const)('online list as %s', (format, expected) => {
  expect(encodeOnlineList([{ id: id('1'), name: '章三' }, { id: id('2') }], format)).toBe(expected);
});

test('a server that writes numbers gets numbers back', () => {
  const frame = encodeCall({ senderId: id('7'), receiverId: id('1'), senderName: '', receiverName: '' }, 'number');
  expect(frame.startsWith('{"Sender":7,"Receiver":1,')).toBe(true);
  expect(encodeOnlineList([{ id: id('1') }, { id: id('2'), name: 'B' }], 'objects', 'number')).toBe(
    '{"Type":"Chat","Message":[{"userId":1,"userName":""},{"userId":2,"userName":"B"}]}',
  );
});

test.each([
  ['a whole number', '42', 'number', 42],
  ['zero', '0', 'number', 0],
  ['negative', '-3', 'number', -3],
  ['leading zeros stay text (a number would lose them)', '007', 'number', '007'],
  ['beyond exact integers stays text', '9007199254740993', 'number', '9007199254740993'],
  ['not a number at all', 'alice', 'number', 'alice'],
  ['a decimal', '1.5', 'number', '1.5'],
  ['string servers get strings', '42', 'string', '42'],
] as const)('wireId: %s', (_, value, type, expected) => {
  expect(wireId(id(value), type)).toBe(expected);
});

test('a call about a page writes url, title and note after the legacy fields, and reads back', () => {
  const context = { url: 'https://admin.example.com/orders/42', title: '订单 42', note: '"退款"' };
  const frame = encodeCall({ senderId: id('7'), receiverId: id('1'), senderName: 'A', receiverName: 'B', context });
  expect(frame).toContain(
    '"Data":{"sender":"A","type":"呼叫","receiver":"B","url":"https://admin.example.com/orders/42","title":"订单 42","note":"\\"退款\\""}',
  );
  const result = parseFrame(frame);
  expect(result.ok && result.message.kind === 'call' && result.message.call.context).toEqual(context);
});

test('a call without context is byte for byte the legacy call', () => {
  const frame = encodeCall({ senderId: id('7'), receiverId: id('1'), senderName: 'A', receiverName: 'B' });
  expect(JSON.parse(frame).Message.Data).toEqual({ sender: 'A', type: '呼叫', receiver: 'B' });
  const result = parseFrame(frame);
  expect(result.ok && result.message.kind === 'call' && 'context' in result.message.call).toBe(false);
});
