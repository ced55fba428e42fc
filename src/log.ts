import pino, { type Logger } from "pino";
import type { Env } from "./env.js";

export type { Logger };

/** Never write these, whatever object they appear in. */
const REDACT = [
  "privateKey",
  "*.privateKey",
  "token",
  "*.token",
  "secret",
  "*.secret",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "req.headers.authorization",
  "req.headers.cookie",
  "request.headers.authorization",
  "PRIVATE_KEY",
  "WEBHOOK_SECRET",
  "env.PRIVATE_KEY",
  "env.WEBHOOK_SECRET",
  "env.privateKey",
];

/** The root logger. Subsystems take children named after themselves (`log.child({ name: "queue" })`). */
export function createLogger(env: Pick<Env, "LOG_LEVEL" | "LOG_FORMAT">, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    name: "review-coach",
    level: env.LOG_LEVEL,
    redact: { paths: REDACT, censor: "[redacted]" },
    serializers: { err: pino.stdSerializers.err },
    // The OAuth callback's code and state never reach a log line (the access log writes URLs).
    hooks: { streamWrite: (line: string) => line.replace(/([?&](?:code|state)=)[^&"\s]+/g, "$1[redacted]") },
  };
  if (destination) return pino(options, destination);
  if (env.LOG_FORMAT === "pretty") {
    return pino({ ...options, transport: { target: "pino-pretty", options: { colorize: true } } });
  }
  return pino(options);
}
