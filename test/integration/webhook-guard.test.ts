import { randomUUID } from "node:crypto";
import { connect } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { sign } from "@octokit/webhooks-methods";
import nock from "nock";
import { isolateNetwork, startTestApp, WEBHOOK_SECRET, type TestApp } from "../helpers/test-app.js";
import { hashWebhookPayload } from "../../src/store/record-payload-digest.js";
import { loadExample } from "../helpers/webhook-examples.js";

interface RawPost {
  event?: string;
  delivery?: string;
  body: string | Buffer;
  /** Sign with the app's secret (default) or send a garbage signature. */
  signed?: boolean;
  /** Claimed length; the body may be longer or shorter (writing stops once the server answers). */
  contentLength?: number;
  /** Send the body chunked, without a content-length. */
  chunked?: boolean;
}

/**
 * Posts raw bytes to the webhook path over a plain socket, 256 KB at a time, and stops writing as soon as
 * the server answers: `bytesSent` shows whether the server waited for the whole body.
 */
async function postRaw(url: string, post: RawPost): Promise<{ status: number; text: string; bytesSent: number }> {
  const body = typeof post.body === "string" ? Buffer.from(post.body) : post.body;
  const signature = post.signed === false ? `sha256=${"0".repeat(64)}` : await sign(WEBHOOK_SECRET, body.toString("utf8"));
  const { port } = new URL(url);
  const head = [
    "POST /api/github/webhooks HTTP/1.1",
    `host: 127.0.0.1:${port}`,
    "content-type: application/json",
    `x-github-event: ${post.event ?? "pull_request"}`,
    `x-github-delivery: ${post.delivery ?? randomUUID()}`,
    `x-hub-signature-256: ${signature}`,
    post.chunked ? "transfer-encoding: chunked" : `content-length: ${post.contentLength ?? body.length}`,
    "",
    "",
  ].join("\r\n");
  return new Promise((resolve) => {
    const socket = connect(Number(port), "127.0.0.1");
    const received: Buffer[] = [];
    let bytesSent = 0;
    let offset = 0;
    const finish = () => {
      const text = Buffer.concat(received).toString("utf8");
      const [headers = "", ...rest] = text.split("\r\n\r\n");
      let content = rest.join("\r\n\r\n");
      if (/transfer-encoding: chunked/i.test(headers)) content = content.replace(/^[0-9a-f]+\r\n/i, "").replace(/\r\n0\r\n\r\n$/, "");
      resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(headers)?.[1] ?? 0), text: content, bytesSent });
    };
    // A keep-alive client, as GitHub's is: the answer is complete once its last chunk arrives.
    socket.on("data", (chunk: Buffer) => {
      received.push(chunk);
      if (isCompleteResponse(Buffer.concat(received).toString("utf8"))) socket.destroy();
    });
    socket.on("error", () => undefined);
    socket.on("close", finish);
    const writeNext = () => {
      if (received.length > 0 || socket.destroyed) return;
      if (offset >= body.length) {
        if (post.chunked) socket.write("0\r\n\r\n");
        return;
      }
      const part = body.subarray(offset, offset + 256 * 1024);
      offset += part.length;
      bytesSent += part.length;
      const framed = post.chunked ? Buffer.concat([Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from("\r\n")]) : part;
      socket.write(framed, () => setImmediate(writeNext));
    };
    socket.write(head, () => writeNext());
  });
}

function isCompleteResponse(text: string): boolean {
  const end = text.indexOf("\r\n\r\n");
  if (end < 0) return false;
  const length = /\r\ncontent-length: (\d+)/i.exec(text.slice(0, end));
  return length ? text.length - end - 4 >= Number(length[1]) : text.endsWith("\r\n0\r\n\r\n");
}

describe("webhook guard: bounded body, JSON shape, event names", () => {
  let t: TestApp;
  beforeAll(async () => {
    isolateNetwork();
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.stop();
    nock.cleanAll();
  });
  afterEach(async () => {
    expect(nock.pendingMocks()).toEqual([]);
    expect(await t.app.store.db.selectFrom("deliveries").select("id").execute()).toEqual([]);
  });

  it("refuses a body declared over 25 MB with 413 before reading it (unsigned)", async () => {
    const body = Buffer.alloc(4 * 1024 * 1024, 0x20);
    const response = await postRaw(t.url, { body, contentLength: 100 * 1024 * 1024, signed: false });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.text)).toEqual({ error: "webhook body over 25 MB (GitHub's limit): refused unread" });
    expect(response.bytesSent).toBeLessThan(body.length);
  });

  it("stops reading a chunked body once it passes 25 MB and answers 413", async () => {
    const body = Buffer.alloc(26 * 1024 * 1024, 0x20);
    const response = await postRaw(t.url, { body, chunked: true, signed: false });
    expect(response.status).toBe(413);
    expect(response.bytesSent).toBeLessThan(body.length);
  });

  it.each([
    ["null", "body must be a JSON object (a GitHub webhook payload)"],
    ["[1,2]", "body must be a JSON object (a GitHub webhook payload)"],
    ['"text"', "body must be a JSON object (a GitHub webhook payload)"],
    ["{not json", "body is not valid JSON"],
    ["5,000 levels of nesting", "JSON nested deeper than 64 levels: not a GitHub webhook payload"],
    [`{"action":"opened","installation":{"id":{"$gt":1}}}`, "installation.id must be a positive integer"],
    [`{"action":"opened","installation":{"id":-4}}`, "installation.id must be a positive integer"],
  ])("answers 400 to a correctly signed %s", async (label, error) => {
    const body = label.startsWith("5,000") ? `${"[".repeat(5000)}${"]".repeat(5000)}` : label;
    const response = await postRaw(t.url, { body });
    expect(response).toMatchObject({ status: 400 });
    expect(JSON.parse(response.text)).toEqual({ error });
  });

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty", "Pull_Request"])("answers 400 to the event name %s", async (event) => {
    const response = await postRaw(t.url, { event, body: JSON.stringify(loadExample("pull_request", "opened")) });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text).error).toMatch(/is not a GitHub event name/);
  });

  it("still rejects a forged signature with 400 and accepts a real payload", async () => {
    const body = JSON.stringify(loadExample("star", "created"));
    expect((await postRaw(t.url, { event: "star", body, signed: false })).status).toBe(400);
    const ok = await postRaw(t.url, { event: "star", body });
    expect(ok.status).toBe(200);
    await t.app.store.db.deleteFrom("deliveries").execute();
  });

  it.each(["backfill:42", "digest:repository:acme/api:2026-W45", "snapshot:42:2026-11-01", "a b"])("answers 400 to the delivery id %s, which could take a job's id", async (delivery) => {
    const response = await postRaw(t.url, { event: "star", delivery, body: JSON.stringify(loadExample("star", "created")) });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text)).toEqual({ error: "x-github-delivery must be GitHub's delivery GUID (letters, digits and dashes)" });
  });

  it("ignores a captured payload replayed under a fresh delivery id; GitHub's redelivery (same id) still counts", async () => {
    const body = JSON.stringify({ ...loadExample("star", "created"), starred_at: "2026-11-30T10:00:00Z" });
    const first = await postRaw(t.url, { event: "star", body, delivery: "first-delivery" });
    const replay = await postRaw(t.url, { event: "star", body, delivery: "fresh-delivery" });
    const redelivery = await postRaw(t.url, { event: "star", body, delivery: "first-delivery" });
    expect([first.status, replay.status, redelivery.status]).toEqual([200, 200, 200]);
    expect(await t.app.store.db.selectFrom("deliveries").select("id").execute()).toEqual([{ id: "first-delivery" }]);
    await t.app.store.db.deleteFrom("deliveries").execute();
  });

  it("answers 415 to a body not sent as JSON, 400 naming GitHub's missing headers, 404 to a GET", async () => {
    const body = JSON.stringify(loadExample("star", "created"));
    const headers = { "x-github-event": "star", "x-github-delivery": randomUUID(), "x-hub-signature-256": await sign(WEBHOOK_SECRET, body) };
    const url = `${t.url}/api/github/webhooks`;
    const asText = await fetch(url, { method: "POST", body, headers: { ...headers, "content-type": "text/plain" } });
    expect(asText.status).toBe(415);
    const unsigned = await fetch(url, { method: "POST", body, headers: { "content-type": "application/json", "x-github-event": "star" } });
    expect([unsigned.status, await unsigned.json()]).toEqual([400, { error: "Required headers missing: x-hub-signature-256, x-github-delivery" }]);
    expect((await fetch(url)).status).toBe(404);
  });

  it("keeps the payload's JSON as it was sent (not written again): its digest is the body's", async () => {
    const body = JSON.stringify(loadExample("star", "created"), null, 1).replace(/"created"/, '"\\u0063reated"');
    const response = await postRaw(t.url, { event: "star", body, delivery: "as-sent" });
    expect(response.status).toBe(200);
    const digest = await t.app.store.db.selectFrom("payload_digests").select("hash").where("delivery_id", "=", "as-sent").executeTakeFirstOrThrow();
    expect(digest.hash).toBe(hashWebhookPayload("star", body));
    expect(await t.app.store.db.selectFrom("deliveries").select(["id", "action"]).execute()).toEqual([{ id: "as-sent", action: "created" }]);
    await t.app.store.db.deleteFrom("deliveries").execute();
  });
});
