// Texts of git blobs by sha, least recently used out first, bounded by total size. A blob's text never
// changes, so entries are never stale: files a push leaves untouched are not read again.

export interface BlobTextCache {
  get(sha: string): string | undefined;
  set(sha: string, text: string): void;
  /** Texts held and their total size in UTF-16 code units (for tests and metrics). */
  readonly size: { entries: number; chars: number };
}

/** Default bound: 64 M characters (at most about 128 MB of strings), shared by every installation. */
export const DEFAULT_BLOB_CACHE_CHARS = 64 * 1024 * 1024;

export function createBlobTextCache(maxChars = DEFAULT_BLOB_CACHE_CHARS): BlobTextCache {
  const texts = new Map<string, string>();
  let chars = 0;
  return {
    get(sha) {
      const text = texts.get(sha);
      if (text !== undefined) {
        texts.delete(sha);
        texts.set(sha, text);
      }
      return text;
    },
    set(sha, text) {
      if (text.length > maxChars) return;
      const old = texts.get(sha);
      if (old !== undefined) {
        chars -= old.length;
        texts.delete(sha);
      }
      texts.set(sha, text);
      chars += text.length;
      for (const [oldest, value] of texts) {
        if (chars <= maxChars) break;
        texts.delete(oldest);
        chars -= value.length;
      }
    },
    get size() {
      return { entries: texts.size, chars };
    },
  };
}
