import { createServer, connect, type Server, type Socket } from "node:net";

/** A TCP forwarder to a local service that a test can cut (every connection dropped) and restore. */
export interface TcpProxy {
  port: number;
  /** Drops every connection and refuses new ones, as a server that went away. */
  cut(): Promise<void>;
  /** Listens again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, targetHost = "127.0.0.1"): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const listen = async (port: number) => {
    const next = createServer((inbound) => {
      const outbound = connect(targetPort, targetHost);
      for (const socket of [inbound, outbound]) {
        sockets.add(socket);
        socket.on("close", () => sockets.delete(socket));
        socket.on("error", () => socket.destroy());
      }
      inbound.on("close", () => outbound.destroy());
      outbound.on("close", () => inbound.destroy());
      inbound.pipe(outbound).pipe(inbound);
    });
    await new Promise<void>((resolve, reject) => next.once("error", reject).listen(port, "127.0.0.1", resolve));
    server = next;
    return (next.address() as { port: number }).port;
  };
  const port = await listen(0);
  const cut = async () => {
    const closing = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    if (closing) await new Promise((resolve) => closing.close(resolve));
  };
  return {
    port,
    cut,
    async restore() {
      if (!server) await listen(port);
    },
    close: cut,
  };
}
