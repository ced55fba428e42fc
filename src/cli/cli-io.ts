// What a CLI command may touch: streams and a file reader, passed in so tests use fakes.

import type { Readable, Writable } from "node:stream";

export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  readFile: (path: string) => Promise<string>;
  /** The working directory, where commands look for a git work tree (absent: they do not look). */
  cwd?: string;
  /** Whether a file or folder exists (absent: commands that need it behave as if nothing did). */
  pathExists?: (path: string) => Promise<boolean>;
}

export interface CliCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full usage text of the command. */
  usage: string;
  /** Runs the command; resolves to the process exit code. */
  run: (args: readonly string[], io: CliIo) => Promise<number>;
}

/** Exit codes: 0 success, 1 the command failed, 2 it was called wrongly. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Writes text, waiting when the stream asks us to (so a large output streams instead of buffering). */
export async function writeText(stream: Writable, text: string): Promise<void> {
  if (stream.write(text)) return;
  await new Promise<void>((resolve, reject) => {
    const onDrain = (): void => {
      stream.off("error", onError);
      resolve();
    };
    const onError = (error: Error): void => {
      stream.off("drain", onDrain);
      reject(error);
    };
    stream.once("drain", onDrain);
    stream.once("error", onError);
  });
}

/** Reads a whole stream as UTF-8 text. */
export async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}
