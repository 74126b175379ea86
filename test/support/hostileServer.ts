// Loopback TCP servers that misbehave on purpose, for the probe's hostile-peer tests. Every server
// and connection is closed when the test file ends.
import { after } from 'node:test';
import { createServer, Server, Socket } from 'node:net';

const servers: Server[] = [];
const clients = new Set<Socket>();
after(() => {
  for (const c of clients) c.destroy();
  for (const s of servers) s.close();
});

/** A loopback server that runs `behave` for each connection; resolves to its port. */
export async function hostile(behave: (socket: Socket) => void): Promise<number> {
  const server = createServer((socket) => {
    clients.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => clients.delete(socket));
    behave(socket);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}
