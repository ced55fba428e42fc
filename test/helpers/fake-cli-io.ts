import { PassThrough, Writable } from "node:stream";
import type { CliIo } from "../../src/cli/cli-io.js";

export class Capture extends Writable {
  text = "";
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

/** CLI streams that capture what is written, stdin with the given text, and files from a map. */
export function fakeIo(stdinText = "", files: Record<string, string> = {}): CliIo & { stdout: Capture; stderr: Capture } {
  const stdin = new PassThrough();
  stdin.end(stdinText);
  return {
    stdin,
    stdout: new Capture(),
    stderr: new Capture(),
    readFile: async (path) => {
      const content = files[path];
      if (content === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
      return content;
    },
  };
}
