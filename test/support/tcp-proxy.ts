import { createConnection, createServer, Server, Socket } from 'node:net';

// A TCP relay in front of PostgreSQL that a test can cut and restore, to simulate an
// outage without touching the server the rest of the suite uses.
export class TcpProxy {
  private readonly sockets = new Set<Socket>();
  private server?: Server;
  private cut = false;
  port = 0;

  // `observe` sees every client connection (e.g. to read what the service sends).
  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
    private readonly observe?: (client: Socket) => void,
  ) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      if (this.cut) return client.destroy();
      const upstream = createConnection(this.targetPort, this.targetHost);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      this.observe?.(client);
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  // Drops every open connection and refuses new ones until restore().
  cutConnections(): void {
    this.cut = true;
    for (const socket of this.sockets) socket.destroy();
  }

  // The same, each connection reset (a TCP RST, as a failing network or host sends)
  // rather than closed.
  resetConnections(): void {
    this.cut = true;
    for (const socket of this.sockets) socket.resetAndDestroy();
  }

  restore(): void {
    this.cut = false;
  }

  async close(): Promise<void> {
    this.cutConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  // The same database URL, routed through this proxy.
  route(databaseUrl: string): string {
    const url = new URL(databaseUrl);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }
}
