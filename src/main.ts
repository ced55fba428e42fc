import { existsSync } from "node:fs";
import { run } from "probot";
import { loadEnv } from "./env.js";
import { EnvError } from "./errors.js";
import { startReviewCoach } from "./index.js";
import { createLogger } from "./log.js";

// The process entry: validate settings, start (or enter setup mode), stop cleanly on SIGTERM/SIGINT.

async function main(): Promise<void> {
  // Setup mode writes the new app's credentials to .env; variables already set win over the file.
  if (existsSync(".env")) process.loadEnvFile(".env");
  let env;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      createLogger({ LOG_LEVEL: "info", LOG_FORMAT: "json" }).fatal(error.message);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(env);

  if (!env.hasAppCredentials) {
    log.info(
      `No APP_ID: starting in setup mode. Open http://localhost:${env.PORT} to register the GitHub App from app.yml; ` +
        "its credentials are written to .env, then restart.",
    );
    process.env.NO_SMEE_SETUP ??= "true";
    await run(() => {}, { env: { ...process.env, PORT: String(env.PORT), HOST: env.HOST } });
    return;
  }

  const app = await startReviewCoach({ env, log });
  log.info({ port: app.port, dialect: app.store.dialect }, "review-coach is serving webhooks");
  const shutdown = (signal: string) => {
    log.info({ signal }, "shutting down: finishing running jobs");
    app
      .stop()
      .then(() => {
        log.info("stopped");
        process.exit(0);
      })
      .catch((error: unknown) => {
        log.error({ err: error }, "unclean shutdown");
        process.exit(1);
      });
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  createLogger({ LOG_LEVEL: "info", LOG_FORMAT: "json" }).fatal({ err: error }, (error as Error).message);
  process.exit(1);
});
