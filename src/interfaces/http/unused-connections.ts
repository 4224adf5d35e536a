import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * The connections of `server` that have not sent a request yet. Node's `closeIdleConnections()`
 * leaves those alone, so one of them (an HTTP client's spare, such as the connection undici opens
 * after an aborted fetch) would hold a graceful close for its whole grace period.
 */
export class UnusedConnections {
  private readonly sockets = new Set<Socket>();

  public constructor(server: Server) {
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    server.on('request', (req: { socket: Socket }) => this.sockets.delete(req.socket));
  }

  /** Ends every connection that carries no request, so it cannot delay the server's close. */
  public destroyAll(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }
}
