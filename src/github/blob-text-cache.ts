// Texts of git blobs by sha, least recently used out first, bounded by the memory the texts take. A
// blob's text never changes, so entries are never stale: files a push leaves untouched are not read again.

export interface BlobTextCache {
  get(sha: string): string | undefined;
  set(sha: string, text: string): void;
  /** Texts held and the bytes they take (in memory, or on disk for a disk cache), for tests and metrics. */
  readonly size: { entries: number; bytes: number };
}

/**
 * Default bound: 16 MB of text, shared by every installation. The app aims at 150 MB resident under
 * sustained load (README, `npm run bench:memory`), so the cache takes a bounded share of it.
 */
export const DEFAULT_BLOB_CACHE_BYTES = 16 * 1024 * 1024;

/** The bytes V8 keeps for a string's characters: one per character when all are Latin-1, else two. */
export function textBytes(text: string): number {
  // eslint-disable-next-line no-control-regex -- Latin-1 is U+0000..U+00FF
  return /[^\u0000-\u00ff]/.test(text) ? text.length * 2 : text.length;
}

export function createBlobTextCache(maxBytes = DEFAULT_BLOB_CACHE_BYTES): BlobTextCache {
  const texts = new Map<string, { text: string; bytes: number }>();
  let bytes = 0;
  return {
    get(sha) {
      const entry = texts.get(sha);
      if (entry !== undefined) {
        texts.delete(sha);
        texts.set(sha, entry);
      }
      return entry?.text;
    },
    set(sha, text) {
      const entry = { text, bytes: textBytes(text) };
      if (entry.bytes > maxBytes) return;
      const old = texts.get(sha);
      if (old !== undefined) {
        bytes -= old.bytes;
        texts.delete(sha);
      }
      texts.set(sha, entry);
      bytes += entry.bytes;
      for (const [oldest, value] of texts) {
        if (bytes <= maxBytes) break;
        texts.delete(oldest);
        bytes -= value.bytes;
      }
    },
    get size() {
      return { entries: texts.size, bytes };
    },
  };
}
