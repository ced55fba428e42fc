import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { sign } from "@octokit/webhooks-methods";
import { testPrivateKey, WEBHOOK_SECRET } from "./test-app.js";

// The app as its own process (`node src/main.ts` through tsx), for tests that kill it.

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The variables of an app process talking to a GitHub stand-in (GHES over http) on loopback. */
export function appProcessEnv(gheHost: string, port: number, extra: Record<string, string>): Record<string, string> {
  return {
    APP_ID: "123",
    PRIVATE_KEY: testPrivateKey(),
    WEBHOOK_SECRET,
    GHE_HOST: gheHost,
    GHE_PROTOCOL: "http",
    HOST: "127.0.0.1",
    PORT: String(port),
    LOG_LEVEL: "warn",
    JOB_LEASE_MS: "1500",
    // The stand-ins answer no App API: recovery of failed deliveries is off unless a test turns it on.
    REDELIVERY_WINDOW_HOURS: "0",
    ...extra,
  };
}

/** Starts the app with only these variables (and PATH); the caller kills it. */
export function startAppProcess(env: Record<string, string>, children: ChildProcess[]): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.resume();
  child.stderr?.resume();
  children.push(child);
  return child;
}

export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function waitForHealthy(port: number): Promise<void> {
  await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.ok === true, "the process to listen");
}

export async function killHard(child: ChildProcess): Promise<void> {
  child.kill("SIGKILL");
  await waitFor(() => child.exitCode !== null || child.signalCode !== null, "the process to die");
}

/** Posts a webhook signed as GitHub signs it; resolves with the HTTP status. */
export async function postSignedWebhook(port: number, name: string, payload: unknown, id: string = randomUUID()): Promise<number> {
  const body = JSON.stringify(payload);
  const response = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-github-event": name, "x-github-delivery": id, "x-hub-signature-256": await sign(WEBHOOK_SECRET, body) },
    body,
  });
  return response.status;
}
