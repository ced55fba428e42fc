// Reads the new contents of a diff's files from a local checkout, for `review-coach risk`.

import path from "node:path";
import { hasPatchNewSide } from "../coach/has-patch-new-side.js";
import type { PullRequestFile } from "../coach/types.js";
import type { CliIo } from "./cli-io.js";

/** Files larger than this are not read (as in the app). */
const MAX_CONTENT_CHARS = 1_000_000;

export interface CheckoutContents {
  files: PullRequestFile[];
  /** Paths whose content was read. */
  read: string[];
  /** Paths whose checkout text differs from the diff's new side (another version is checked out). */
  stale: string[];
  /** Paths not found in the checkout. */
  missing: string[];
}

/**
 * The files with `content` set from `root` where the checkout holds the diff's new version: files the
 * caller wants (`wanted`), not removed, with a patch, found, at most 1 MB, and agreeing with the patch.
 */
export async function readCheckoutContents(
  files: readonly PullRequestFile[],
  root: string,
  io: Pick<CliIo, "readFile">,
  wanted: (file: PullRequestFile) => boolean,
): Promise<CheckoutContents> {
  const result: CheckoutContents = { files: [], read: [], stale: [], missing: [] };
  for (const file of files) {
    if (file.status === "removed" || file.patch === undefined || !wanted(file)) {
      result.files.push(file);
      continue;
    }
    let content: string;
    try {
      content = await io.readFile(path.join(root, file.filename));
    } catch {
      result.missing.push(file.filename);
      result.files.push(file);
      continue;
    }
    if (content.length > MAX_CONTENT_CHARS) {
      result.files.push(file);
    } else if (!hasPatchNewSide(content, file.patch)) {
      result.stale.push(file.filename);
      result.files.push(file);
    } else {
      result.read.push(file.filename);
      result.files.push({ ...file, content });
    }
  }
  return result;
}

/**
 * The git work tree holding `dir` (the nearest folder up with a `.git` entry) when every file the diff
 * adds or modifies is there; null otherwise, so a diff of another repository is read bare.
 */
export async function findCheckoutFor(files: readonly PullRequestFile[], dir: string, pathExists: (p: string) => Promise<boolean>): Promise<string | null> {
  let root: string | null = null;
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    if (await pathExists(path.join(at, ".git"))) {
      root = at;
      break;
    }
    if (path.dirname(at) === at) return null;
  }
  const present = files.filter((file) => file.status !== "removed" && file.patch !== undefined);
  for (const file of present) if (!(await pathExists(path.join(root, file.filename)))) return null;
  return present.length > 0 ? root : null;
}
