import { readFileSync } from "node:fs";

/** The node flags of the Dockerfile's CMD (between `node` and the entry script): the heap bounds production uses. */
export function productionNodeFlags(): string[] {
  const cmd = /^CMD (\[.*\])\s*$/m.exec(readFileSync("Dockerfile", "utf8"))?.[1];
  const argv = cmd ? (JSON.parse(cmd) as string[]) : [];
  if (argv[0] !== "node" || argv.at(-1) !== "dist/src/main.js") throw new Error("the Dockerfile's CMD is not `node [flags] dist/src/main.js`");
  return argv.slice(1, -1);
}

/** The image's GLIBC_TUNABLES (its `ENV GLIBC_TUNABLES=...`), which the benchmarks give the app too. */
export function productionGlibcTunables(): string | undefined {
  return /^ENV GLIBC_TUNABLES=(\S+)\s*$/m.exec(readFileSync("Dockerfile", "utf8"))?.[1];
}
