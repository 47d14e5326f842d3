import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A host page none of Roster's built-in profiles understands: people in a list, their id in a
 * `data-uid` attribute (not `data-user-id`), the name in a span. Only a custom profile marks it.
 */
const STAFF_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Staff · custom admin page</title>
<style>body{font:15px sans-serif;margin:24px} .person{padding:6px 0;list-style:none} .who{font-weight:600}</style></head>
<body>
  <h1>On duty</h1>
  <ul class="staff">
    <li class="person" data-uid="1"><span class="who">章三</span> · front desk</li>
    <li class="person" data-uid="2"><span class="who">李四</span> · support</li>
    <li class="person" data-uid="4"><span class="who">Alice Martin</span> · billing</li>
  </ul>
</body>
</html>`;

export interface StaffSite {
  readonly url: string;
  /** The match pattern of this site, port included (what the options page is given). */
  readonly pattern: string;
  close(): Promise<void>;
}

/** Serves the custom page on 127.0.0.1 at a random port (covered by the demo build's permissions). */
export async function startStaffSite(): Promise<StaffSite> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(STAFF_PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/staff`,
    pattern: `http://127.0.0.1:${port}/*`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
