import pino from "pino";
import { z } from "zod";
import { buildDigest } from "../digest/build-digest.js";
import { loadDigestInput } from "../digest/load-digest-input.js";
import { renderDigestMarkdown } from "../digest/render-digest-markdown.js";
import { loadEnv } from "../env.js";
import { EnvError } from "../errors.js";
import { openStore } from "../store/open-store.js";
import { listRepositories } from "../store/repositories.js";
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, writeText, type CliCommand } from "./cli-io.js";

const USAGE = `Usage: review-coach digest --dry-run --installation <id> [--repo owner/name] [--now <ISO time>]

Prints the weekly digest built from the stored data, without delivering it. With --repo, the digest of
that repository; without, the org digest over every repository of the installation. --now sets the
clock (default: now); the digest covers the last complete ISO week before it.
Reads the same storage settings as the app: DATABASE_URL, or the SQLite file in DATA_DIR.
`;

const argsSchema = z.object({
  dryRun: z.literal(true, { message: "only --dry-run is supported: the scheduler delivers digests" }),
  installation: z.coerce.number().int().positive({ message: "--installation must be the numeric installation id" }),
  repo: z.string().regex(/^[^/\s]+\/[^/\s]+$/, "--repo must be owner/name").optional(),
  now: z.iso.datetime({ offset: true, message: "--now must be an ISO time such as 2026-11-09T09:00:00Z" }).optional(),
});

function parseArgs(args: readonly string[]): Record<string, unknown> {
  const parsed: Record<string, unknown> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--dry-run") parsed.dryRun = true;
    else if (arg === "--installation" || arg === "--repo" || arg === "--now") parsed[arg.slice(2)] = args[++i];
    else parsed[`unknown:${arg}`] = true;
  }
  return parsed;
}

export function createDigestCommand(source: Record<string, string | undefined> = process.env): CliCommand {
  return {
    name: "digest",
    summary: "print the weekly digest from the stored data (--dry-run)",
    usage: USAGE,
    async run(args, io) {
      if (args.includes("--help")) {
        await writeText(io.stdout, USAGE);
        return EXIT_OK;
      }
      const raw = parseArgs(args);
      const unknown = Object.keys(raw).filter((k) => k.startsWith("unknown:"));
      const parsed = argsSchema.safeParse(raw);
      if (unknown.length > 0 || !parsed.success) {
        const problems = [...unknown.map((k) => `unknown argument ${k.slice(8)}`), ...(parsed.success ? [] : parsed.error.issues.map((i) => i.message))];
        await writeText(io.stderr, `review-coach digest: ${problems.join("; ")}\n\n${USAGE}`);
        return EXIT_USAGE;
      }
      let env;
      try {
        env = loadEnv(source);
      } catch (error) {
        await writeText(io.stderr, `review-coach digest: ${error instanceof EnvError ? error.message : String(error)}\n`);
        return EXIT_USAGE;
      }
      const store = await openStore({ databaseUrl: env.DATABASE_URL, sqlitePath: env.sqlitePath, log: pino({ level: "silent" }) });
      try {
        const repositories = await listRepositories(store, parsed.data.installation);
        const chosen = parsed.data.repo ? repositories.filter((r) => r.fullName.toLowerCase() === parsed.data.repo!.toLowerCase()) : repositories;
        if (chosen.length === 0) {
          await writeText(
            io.stderr,
            `review-coach digest: no ${parsed.data.repo ? `repository ${parsed.data.repo}` : "repositories"} stored for installation ${parsed.data.installation}. ` +
              "Is the app installed there, and has the backfill run? (The store is " +
              (env.DATABASE_URL ? "DATABASE_URL" : env.sqlitePath) +
              ".)\n",
          );
          return EXIT_FAILURE;
        }
        const target = parsed.data.repo ? { kind: "repository" as const, name: chosen[0]!.fullName } : { kind: "org" as const, name: chosen[0]!.owner };
        const now = parsed.data.now ? new Date(parsed.data.now) : new Date();
        const input = await loadDigestInput(store, { target, repositoryIds: chosen.map((r) => r.id) }, now);
        await writeText(io.stdout, `${renderDigestMarkdown(buildDigest(input))}\n`);
        return EXIT_OK;
      } finally {
        await store.close();
      }
    },
  };
}
