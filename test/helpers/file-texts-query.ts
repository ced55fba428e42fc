/** The GraphQL query GitHubClient.getFileTexts sends for n files, written out independently of the code. */
export function fileTextsQuery(n: number): string {
  const variables = Array.from({ length: n }, (_, i) => `$e${i}: String!`).join(", ");
  const lines = [`query ReviewCoachFileTexts($owner: String!, $name: String!, ${variables}) {`, "  repository(owner: $owner, name: $name) {"];
  for (let i = 0; i < n; i++) lines.push(`    f${i}: object(expression: $e${i}) { ... on Blob { oid byteSize isBinary isTruncated text } }`);
  return [...lines, "  }", "}"].join("\n");
}

/** A Blob as the query returns it. */
export function blobAnswer(oid: string, text: string | null, extra: Record<string, unknown> = {}) {
  return { oid, byteSize: text === null ? 10 : Buffer.byteLength(text), isBinary: false, isTruncated: false, text, ...extra };
}
