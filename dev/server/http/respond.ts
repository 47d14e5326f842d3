import type { ServerResponse } from 'node:http';
import { commonHeaders, frameableHtmlHeaders, htmlHeaders } from './headers';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  send(res, status, 'text/plain; charset=utf-8', text);
}

/** `frameable`: any site may put this page in a frame (the demo's "another site"). */
export function sendBody(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  frameable = false,
): void {
  send(res, status, type, body, frameable);
}

/** 303: the browser follows with a GET, whatever method the form used. */
export function redirect(res: ServerResponse, location: string, cookie?: string): void {
  res.writeHead(303, {
    ...commonHeaders,
    Location: location,
    'Content-Length': '0',
    ...(cookie ? { 'Set-Cookie': cookie } : {}),
  });
  res.end();
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, frameable = false): void {
  const isHtml = type.startsWith('text/html');
  res.writeHead(status, {
    ...commonHeaders,
    ...(isHtml ? (frameable ? frameableHtmlHeaders : htmlHeaders) : {}),
    'Content-Type': type,
    'Content-Length': String(Buffer.byteLength(body)),
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}
