import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
}

export type Route = (req: IncomingMessage, res: ServerResponse, body: unknown) => boolean | Promise<boolean>;

/**
 * A GitHub Enterprise Server stand-in on loopback: a real HTTP server speaking the REST API under
 * /api/v3, for tests where the app runs as its own process (nock cannot reach into it).
 */
export class GitHubStandIn {
  readonly requests: RecordedRequest[] = [];
  private server: Server | undefined;
  private routes: Route[] = [];

  route(route: Route): this {
    this.routes.push(route);
    return this;
  }

  async start(): Promise<string> {
    this.server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const text = Buffer.concat(chunks).toString("utf8");
      const body = text ? JSON.parse(text) : undefined;
      this.requests.push({ method: req.method ?? "", path: req.url ?? "", body });
      for (const route of this.routes) if (await route(req, res, body)) return;
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ message: "Not Found" }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return `127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export function json(res: ServerResponse, status: number, data: unknown): true {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(data));
  return true;
}
