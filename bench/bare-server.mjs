// The baseline: a bare node:http server sending fixed bytes with fixed headers, nothing else.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const [, , bodyFile, headersJson] = process.argv;
const body = readFileSync(bodyFile);
const headers = JSON.parse(headersJson);
const server = createServer((req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => console.log(`serving http://127.0.0.1:${server.address().port}`));
