import type { IncomingMessage, ServerResponse } from "node:http";
import type { JobQueue } from "../queue/job-queue.js";
import type { Store } from "../store/open-store.js";

/** GET /healthz: 200 when the database answers, 503 when not, with the queue depth either way. */
export function createHealthzRoute(store: Store, queue: JobQueue) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.method !== "GET" || req.url?.split("?")[0] !== "/healthz") return false;
    const database = await store.ping();
    const queueDepth = database ? await queue.depth().catch(() => null) : null;
    const body = { status: database ? "ok" : "unavailable", database: { reachable: database, dialect: store.dialect }, queue: queueDepth };
    res.writeHead(database ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(body));
    return true;
  };
}
