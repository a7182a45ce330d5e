import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PurgeRequest {
  body: { keys?: string[]; urls?: string[] };
  authorization: string | undefined;
  at: number;
}

/** A CDN's purge endpoint in the test process: it keeps every request it gets. */
export async function startPurgeReceiver(): Promise<{ url: string; received: PurgeRequest[]; stop(): Promise<void> }> {
  const received: PurgeRequest[] = [];
  const read = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  };
  const server = createServer((req, res) => {
    void read(req).then((text) => {
      received.push({ body: JSON.parse(text) as PurgeRequest['body'], authorization: req.headers.authorization, at: Date.now() });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/purge`,
    received,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}
