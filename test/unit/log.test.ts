import { Writable } from "node:stream";
import { describe, expect, it } from "@jest/globals";
import { createLogger } from "../../src/log.js";

describe("createLogger", () => {
  it("never writes secrets or tokens, whatever object carries them", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = createLogger({ LOG_LEVEL: "info", LOG_FORMAT: "json" }, sink).child({ name: "github", deliveryId: "d-1" });
    log.info({ token: "ghs_secret1", request: { headers: { authorization: "token ghs_secret2" } }, env: { PRIVATE_KEY: "-----BEGIN RSA PRIVATE KEY-----", WEBHOOK_SECRET: "hush" } }, "request");
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ name: "github", deliveryId: "d-1", token: "[redacted]", msg: "request" });
    expect(lines[0]).not.toMatch(/ghs_secret|BEGIN RSA|hush/);
  });

  it("scrubs the OAuth code and state from URLs in every line (the access log)", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = createLogger({ LOG_LEVEL: "info", LOG_FORMAT: "json" }, sink).child({ name: "http", req: { url: "/dashboard/auth/callback?code=c0de123&state=st4te.xyz" } });
    log.info("GET /dashboard/auth/callback?code=c0de123&state=st4te.xyz 302 - 4ms");
    expect(lines[0]).not.toMatch(/c0de123|st4te/);
    expect(JSON.parse(lines[0]!).msg).toBe("GET /dashboard/auth/callback?code=[redacted]&state=[redacted] 302 - 4ms");
  });
});
