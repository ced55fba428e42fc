// The preview's cache on disk: GitHub's answers with their ETags (asked again conditionally, so an
// unchanged answer costs a 304 and nothing of the rate limit) and blob texts by sha (never stale).
// Synchronous file I/O: the CLI does one thing at a time.

import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import type { BlobTextCache } from "../github/blob-text-cache.js";
import type { CachedResponse, ResponseCache } from "../github/create-token-client.js";

const cachedResponseSchema = z.object({
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  data: z.unknown(),
});

/** $XDG_CACHE_HOME/review-coach, else ~/.cache/review-coach. */
export function defaultCacheDir(env: Record<string, string | undefined>): string {
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "review-coach");
}

function fileName(key: string): string {
  return `${createHash("sha256").update(key).digest("hex")}.json`;
}

/** Writes through a temporary file, so an interrupted run never leaves half an entry. */
function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode: 0o600 });
  renameSync(temporary, file);
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

export function createDiskCache(dir: string): { responses: ResponseCache; blobTexts: BlobTextCache } {
  const responsesDir = path.join(dir, "responses");
  const blobsDir = path.join(dir, "blobs");
  // Private repositories' answers and code: readable by the user who ran the preview only.
  mkdirSync(responsesDir, { recursive: true, mode: 0o700 });
  mkdirSync(blobsDir, { recursive: true, mode: 0o700 });
  let entries = 0;
  let bytes = 0;
  const responses: ResponseCache = {
    get(key) {
      const text = readText(path.join(responsesDir, fileName(key)));
      if (text === undefined) return undefined;
      try {
        const parsed = cachedResponseSchema.safeParse(JSON.parse(text));
        return parsed.success ? (parsed.data as CachedResponse) : undefined;
      } catch {
        return undefined;
      }
    },
    set(key, value) {
      writeAtomically(path.join(responsesDir, fileName(key)), JSON.stringify(value));
    },
  };
  const blobTexts: BlobTextCache = {
    get(sha) {
      return /^[0-9a-f]{7,64}$/i.test(sha) ? readText(path.join(blobsDir, sha)) : undefined;
    },
    set(sha, text) {
      if (!/^[0-9a-f]{7,64}$/i.test(sha)) return;
      writeAtomically(path.join(blobsDir, sha), text);
      entries += 1;
      bytes += Buffer.byteLength(text, "utf8");
    },
    get size() {
      return { entries, bytes };
    },
  };
  return { responses, blobTexts };
}
