import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "@jest/globals";
import { sign } from "@octokit/webhooks-methods";
import { IntakeHealth } from "../../../src/intake/intake-health.js";
import { createWebhookMiddleware, WebhookReceiver } from "../../../src/intake/webhook-middleware.js";
import { silentLog } from "../../helpers/stores.js";

const SECRET = "activity-secret";

describe("webhook middleware activity", () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
  });

  /** The middleware on a local server, telling `health`; resolves its webhook URL. */
  async function serve(receiver: WebhookReceiver, health: IntakeHealth): Promise<string> {
    const middleware = createWebhookMiddleware({ path: "/api/github/webhooks", secret: SECRET, receiver, log: silentLog, activity: health });
    server = createServer((request, response) => void middleware(request, response));
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as { port: number }).port}/api/github/webhooks`;
  }

  const post = async (url: string, body: string, signature?: string) =>
    fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-github-event": "ping", "x-github-delivery": "d-1", "x-hub-signature-256": signature ?? (await sign(SECRET, body)) },
      body,
    });

  it("counts the intake busy from a delivery's arrival until its answer, refused ones included", async () => {
    const health = new IntakeHealth();
    const receiver = new WebhookReceiver();
    const busyWhileReceived: boolean[] = [];
    receiver.onAny(async () => {
      busyWhileReceived.push(health.isBusy);
    });
    const url = await serve(receiver, health);
    expect(health.isBusy).toBe(false);

    expect((await post(url, '{"zen":"ok"}')).status).toBe(200);
    expect((await post(url, '{"zen":"forged"}', `sha256=${"0".repeat(64)}`)).status).toBe(400);
    expect((await post(url, "[1]")).status).toBe(400);

    expect(busyWhileReceived).toEqual([true]);
    // Every request that started was answered: nothing is left counted as waiting.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(health.isBusy).toBe(false);
  });
});
