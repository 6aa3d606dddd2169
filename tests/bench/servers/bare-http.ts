/** The floor: a bare node:http handler answering the same JSON as auth.me, no framework. */
import { createServer } from 'node:http';

const body = JSON.stringify({
  result: { data: { id: 'x', email: 'ana@northwind.test', name: 'Ana', role: 'partner_admin' } },
});
createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(body);
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
