// How long a hostile config file holds the event loop: the issue-12 case (300 KB, 24,000 keys) and the
// largest files within the limits. Run: npm run bench:config
import { performance } from "node:perf_hooks";
import { getDefaultConfig } from "../src/repo-config/default-config.js";
import { checkConfigText } from "../src/repo-config/validate-config.js";

const defaults = getDefaultConfig();
const cases: Array<[string, string]> = [
  ["300 KB, 24,000 keys", Array.from({ length: 24_000 }, (_, i) => `k${i}: ${i}`).join("\n")],
  ["300 unknown keys (at the key limit)", Array.from({ length: 300 }, (_, i) => `k${i}: ${i}`).join("\n")],
  ["31 KB of list items", `paths:\n  ignored:\n${Array.from({ length: 4500 }, (_, i) => `    - "dir${i}/**"`).join("\n")}`.slice(0, 31 * 1024)],
  ["8-level alias bomb", Array.from({ length: 8 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(i === 0 ? "x" : `*l${i}`).join(", ")}]`).join("\n")],
];
checkConfigText("mode: nudge\nk: 1\n", "warm-up", defaults);
for (const [name, text] of cases) {
  const runs = 5;
  checkConfigText(text, "warm-up", defaults);
  const started = performance.now();
  let problems = 0;
  for (let i = 0; i < runs; i++) {
    const checked = checkConfigText(text, "bench: .github/review-coach.yml", defaults);
    problems = checked.ok ? 0 : checked.problems.length;
  }
  const ms = (performance.now() - started) / runs;
  console.log(`${name.padEnd(40)} ${(Buffer.byteLength(text) / 1024).toFixed(0).padStart(4)} KB  ${ms.toFixed(1).padStart(7)} ms  ${problems} problem(s)`);
}
