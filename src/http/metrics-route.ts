import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Registry } from "prom-client";
import type { Logger } from "../log.js";

const digest = (text: string) => createHash("sha256").update(text).digest();

/**
 * GET /metrics: the registry in Prometheus text format, only with `Authorization: Bearer <METRICS_TOKEN>`
 * (401 otherwise); 404 when METRICS_TOKEN is unset, so the endpoint does not exist.
 */
export function createMetricsRoute(options: { registry: Registry; token: string | undefined; log: Logger }) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (url.pathname !== "/metrics") return false;
    if (!options.token) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not Found");
      return true;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET", "content-type": "text/plain; charset=utf-8" }).end("Method Not Allowed");
      return true;
    }
    const given = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    // Compare digests, so neither the length nor the content of the token leaks through timing.
    if (!given || !timingSafeEqual(digest(given), digest(options.token))) {
      res.writeHead(401, { "www-authenticate": 'Bearer realm="metrics"', "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" }).end("Unauthorized");
      return true;
    }
    try {
      const text = await options.registry.metrics();
      res.writeHead(200, { "content-type": options.registry.contentType, "cache-control": "no-store" }).end(req.method === "HEAD" ? undefined : text);
    } catch (error) {
      options.log.error({ err: error }, "could not collect metrics");
      res.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end("Could not collect metrics");
    }
    return true;
  };
}
