// The stand-in upstream: answers every request at once with one fixed Pilot Status message, so what the
// benchmark measures is the server in front of it, not an API.
import http from 'node:http';

const port = Number(process.argv[2] ?? 0);
const body = Buffer.from(JSON.stringify({
  id: 'msg_bench',
  status: 'DELIVERED',
  to: '5511999999999',
  type: 'text',
  text: { body: 'benchmark message' },
  createdAt: '2026-01-01T00:00:00.000Z',
  deliveredAt: '2026-01-01T00:00:01.000Z',
}));

const server = http.createServer((req, res) => {
  req.resume();
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1', () => {
  console.log(`listening ${server.address().port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
