import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

interface ExampleGroup {
  name: string;
  examples: Array<Record<string, unknown>>;
}

const groups = require("@octokit/webhooks-examples") as ExampleGroup[];

/**
 * A real webhook payload from @octokit/webhooks-examples (a deep copy, safe to edit), picked by event
 * name and action. Examples without an installation get one, as GitHub sends to apps.
 */
export function loadExample<T = Record<string, unknown>>(name: string, action?: string, index = 0): T & { installation: { id: number } } {
  const group = groups.find((g) => g.name === name);
  if (!group) throw new Error(`no example for event ${name}`);
  const matches = group.examples.filter((e) => action === undefined || e.action === action);
  const example = matches.find((e) => "installation" in e) ?? matches[index] ?? matches[0];
  if (!example) throw new Error(`no example for ${name}.${action}`);
  const copy = structuredClone(example) as Record<string, unknown>;
  copy.installation ??= { id: 2, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMg==" };
  return copy as T & { installation: { id: number } };
}

/** Every real payload of an event (deep copies), each with an installation as GitHub sends to apps. */
export function loadExamples(name: string): Array<Record<string, unknown> & { installation: { id: number } }> {
  const group = groups.find((g) => g.name === name);
  if (!group) throw new Error(`no example for event ${name}`);
  return group.examples.map((example) => {
    const copy = structuredClone(example);
    copy.installation ??= { id: 2, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMg==" };
    return copy as Record<string, unknown> & { installation: { id: number } };
  });
}
