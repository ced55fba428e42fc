// Stand-in routes for pull requests that change code files whose contents the app reads: each PR lists
// three files (TypeScript, Python, Go, with a handler added near the top of each) and answers the app's
// GraphQL request for their contents. Large: about 950, 400 and 200 KB (near the 1 MB limit); typical:
// 48, 20 and 10 KB. The blob shas are the PR's own, so no PR finds another's texts in the app's cache, and
// every file is parsed.
import type { Route } from "../test/helpers/github-stand-in.js";
import { json } from "../test/helpers/github-stand-in.js";

interface LargeFile {
  path: string;
  bytes: number;
  header: string[];
  block: string[];
}

const FILES: LargeFile[] = [
  {
    path: "src/routes/items.ts",
    bytes: 950_000,
    header: ["import { db } from './db';", ""],
    block: [
      "export async function handlerN(req: Request, res: Response): Promise<void> {",
      "  const { id, name } = req.query;",
      "  const rows = await db.query('SELECT * FROM items WHERE id = ' + id);",
      "  if (rows.length === 0) return res.redirect(req.get('Referrer') || '/');",
      "  res.json(rows.map((row) => ({ ...row, label: `item ${name}` })));",
      "}",
      "",
    ],
  },
  {
    path: "app/views.py",
    bytes: 400_000,
    header: ["from django.shortcuts import redirect", ""],
    block: ["def view_N(request, slug=''):", "    target = request.GET.get('next', '/')", "    rows = Item.objects.filter(slug=slug)", "    if not rows:", "        return redirect(target)", "    return rows", ""],
  },
  {
    path: "server/handlers.go",
    bytes: 200_000,
    header: ["package server", "", 'import "net/http"', ""],
    block: ["func HandleN(w http.ResponseWriter, r *http.Request) {", '\tname := r.URL.Query().Get("name")', '\trows, err := db.Query("SELECT * FROM items WHERE name = \'" + name + "\'")', "\tif err != nil {", "\t\treturn", "\t}", "\tdefer rows.Close()", "}", ""],
  },
];

/** A file's text: its header, then its block repeated (N numbered) up to its size. */
function buildText(file: LargeFile): string {
  const lines = [...file.header];
  let length = lines.join("\n").length;
  for (let n = 0; length < file.bytes; n++) {
    const block = file.block.map((line) => line.replaceAll("N", String(n)));
    lines.push(...block);
    length += block.join("\n").length + 1;
  }
  return lines.join("\n");
}

export type FileSizes = "large" | "typical";

const SCALE: Record<FileSizes, number> = { large: 1, typical: 0.05 };

/** The first block added: a hunk of its lines after the header. */
function buildPatch(file: LargeFile): string {
  const start = file.header.length + 1;
  return [`@@ -${start - 1},0 +${start},${file.block.length} @@`, ...file.block.map((line) => `+${line.replaceAll("N", "0")}`)].join("\n");
}

function blobSha(pullKey: string, path: string): string {
  return Buffer.from(`${pullKey}:${path}`).toString("hex").slice(-40).padStart(40, "0");
}

/** Routes to put before the bench stand-in's own: the files of a PR, and their contents by GraphQL. */
export function createFileContentRoutes(sizes: FileSizes): Route[] {
  const texts = new Map(FILES.map((file) => [file.path, buildText({ ...file, bytes: file.bytes * SCALE[sizes] })]));
  const listFiles: Route = (req, res) => {
    const pull = /\/repos\/([^/]+\/[^/]+)\/pulls\/(\d+)\/files/.exec(req.url ?? "");
    if (!pull) return false;
    return json(
      res,
      200,
      FILES.map((file) => ({
        sha: blobSha(`${pull[1]}#${pull[2]}`, file.path),
        filename: file.path,
        status: "modified",
        additions: file.block.length,
        deletions: 0,
        changes: file.block.length,
        patch: buildPatch(file),
      })),
    );
  };
  const readContents: Route = (req, res, body) => {
    if (req.method !== "POST" || !(req.url ?? "").endsWith("/graphql")) return false;
    const variables = (body as { variables?: Record<string, string> }).variables ?? {};
    const repository: Record<string, unknown> = {};
    for (const [name, expression] of Object.entries(variables)) {
      if (!/^e\d+$/.test(name)) continue;
      const path = expression.slice(expression.indexOf(":") + 1);
      const text = texts.get(path);
      repository[`f${name.slice(1)}`] = text === undefined ? null : { oid: blobSha(expression, path), byteSize: Buffer.byteLength(text), isBinary: false, isTruncated: false, text };
    }
    return json(res, 200, { data: { repository } });
  };
  return [listFiles, readContents];
}
