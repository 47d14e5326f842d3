import * as v from 'valibot';
import { readCallContext } from '../calls/call-context';
import { exceedsUtf8Bytes } from './byte-length';
import { parseDotNetTime } from './dotnet-time';
import { ProtocolError } from './errors';
import { readOnlineEntry } from './online-entry';
import type { InboundMessage, OnlineUser, UserId } from './messages';
import {
  CallDataSchema,
  ChatFrameSchema,
  EnvelopeSchema,
  EventFrameSchema,
  LEGACY_HEARTBEAT,
  OnlineEntrySchema,
  wireIdTypeOf,
  type WireIdType,
} from './schemas';
import { boundedSendTime } from './send-time';

export interface ParseOptions {
  /** Frames larger than this many UTF-8 bytes are refused before `JSON.parse`. */
  readonly maxBytes: number;
  /** A server may echo our heartbeat text back: that is a sign of life, not an error. */
  readonly heartbeatPayload: string;
}

export const defaultParseOptions: ParseOptions = { maxBytes: 64 * 1024, heartbeatPayload: LEGACY_HEARTBEAT };

export type ParseResult =
  { readonly ok: true; readonly message: InboundMessage } | { readonly ok: false; readonly error: ProtocolError };

/** Decodes one server frame. Never throws, whatever `frame` is. */
export function parseFrame(frame: unknown, options: ParseOptions = defaultParseOptions): ParseResult {
  if (typeof frame !== 'string') {
    return fail('binary', 'the legacy protocol is text; a binary frame was dropped');
  }
  if (exceedsUtf8Bytes(frame, options.maxBytes)) {
    return fail('too-large', `frame of ${frame.length} characters exceeds ${options.maxBytes} bytes`);
  }
  if (frame === options.heartbeatPayload) {
    return ok({ kind: 'ignored', why: 'heartbeat', what: 'heartbeat echo' });
  }
  let json: unknown;
  try {
    json = JSON.parse(frame);
  } catch {
    return fail('not-json', `not JSON: ${preview(frame)}`);
  }
  const envelope = v.safeParse(EnvelopeSchema, json);
  if (!envelope.success) return fail('invalid-frame', 'not an object with a string "Type"');

  switch (envelope.output.Type) {
    case 'Chat':
      return parseOnlineList(json);
    case 'Event':
      return parseEvent(json);
    default:
      return ok({ kind: 'ignored', why: 'unknown-type', what: preview(envelope.output.Type) });
  }
}

function parseOnlineList(json: unknown): ParseResult {
  let entries = plainMessage(json);
  if (!entries) {
    const frame = v.safeParse(ChatFrameSchema, json);
    if (!frame.success) return fail('invalid-frame', `Chat: ${describe(frame.issues)}`, 'Chat');
    entries = frame.output.Message;
  }
  // One bad entry must not hide everyone else: keep the valid ones and count the rest.
  const users: OnlineUser[] = [];
  const seen = new Set<UserId>();
  let rejected = 0;
  let idType: WireIdType | undefined;
  for (const entry of entries) {
    const user = readOnlineEntry(entry) ?? schemaEntry(entry);
    if (!user) {
      rejected++;
      continue;
    }
    idType ??= wireIdTypeOf(
      typeof entry === 'object' && entry !== null ? (entry as { userId?: unknown }).userId : entry,
    );
    if (seen.has(user.id)) continue;
    seen.add(user.id);
    users.push(user);
  }
  return ok({ kind: 'online', users, rejected, ...(idType ? { idType } : {}) });
}

/**
 * A Chat frame's `Message` as it is, when it is an array (`Type` was read already): copying 10,000
 * entries through `v.array(v.unknown())` would buy nothing. Otherwise the schema says what is wrong.
 */
function plainMessage(json: unknown): readonly unknown[] | undefined {
  const message = typeof json === 'object' && json !== null ? (json as { Message?: unknown }).Message : undefined;
  return Array.isArray(message) ? message : undefined;
}

/** The schema's verdict on an entry the hand-written reader left to it. */
function schemaEntry(entry: unknown): OnlineUser | undefined {
  const user = v.safeParse(OnlineEntrySchema, entry);
  return user.success ? user.output : undefined;
}

function parseEvent(json: unknown): ParseResult {
  const frame = v.safeParse(EventFrameSchema, json);
  if (!frame.success) return fail('invalid-frame', `Event: ${describe(frame.issues)}`);
  const { Sender, Receiver, SendTime, Message } = frame.output;
  if (Message.Event !== 'Call') {
    return ok({ kind: 'ignored', why: 'unknown-event', what: preview(Message.Event) });
  }
  const data = v.safeParse(CallDataSchema, Message.Data);
  if (!data.success) return fail('invalid-frame', `Call data: ${describe(data.issues)}`);
  // An over-long or garbled SendTime costs the call nothing but its replay check.
  const sendTimeText = boundedSendTime(SendTime);
  const sendTime = parseDotNetTime(sendTimeText);
  const idType = wireIdTypeOf((json as { Sender?: unknown }).Sender);
  const context = readCallContext(Message.Data);
  return ok({
    kind: 'call',
    call: {
      senderId: Sender,
      receiverId: Receiver,
      senderName: data.output.sender,
      receiverName: data.output.receiver,
      callType: data.output.type,
      sendTimeText,
      ...(sendTime ? { sendTime } : {}),
      ...(idType ? { idType } : {}),
      ...(context ? { context } : {}),
    },
  });
}

function ok(message: InboundMessage): ParseResult {
  return { ok: true, message };
}

function fail(code: ProtocolError['code'], message: string, frameType?: string): ParseResult {
  return { ok: false, error: new ProtocolError(code, message, frameType) };
}

function describe(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Enough of a bad value to recognise it in a log, never the whole (possibly huge) thing. */
function preview(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
