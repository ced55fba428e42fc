import { describe, expect, it } from "@jest/globals";
import { buildRiskProfile } from "../../../src/coach/build-risk-profile.js";
import { DEFAULT_RISK_CONFIG } from "../../helpers/default-risk-config.js";
import { A_TEST_FILE, addedFile } from "./risk-fixtures.js";

const rulesAt = (path: string, lines: string[]): string[] =>
  buildRiskProfile([addedFile(path, lines), A_TEST_FILE], DEFAULT_RISK_CONFIG)
    .findings.filter((f) => f.rule === "outbound-request-from-input")
    .map((f) => `${f.line}`);

describe("outbound-request-from-input (SSRF)", () => {
  it.each([
    ["js", "src/proxy.js", ["app.get('/preview', async (req, res) => {", "  const page = await fetch(req.query.url);", "});"], "2"],
    ["ts", "src/hooks.ts", ["export async function ping(req: Request) {", "  return axios.post(req.body.callback, {});", "}"], "2"],
    ["python", "app/views.py", ["def preview(request):", "    return requests.get(request.GET['url'], timeout=5)"], "2"],
    ["go", "internal/fetch.go", ["func Preview(w http.ResponseWriter, r *http.Request) {", "\tresp, _ := http.Get(r.URL.Query().Get(\"url\"))", "\tdefer resp.Body.Close()", "}"], "2"],
    ["ruby", "app/controllers/previews_controller.rb", ["def show", "  body = Net::HTTP.get(URI(params[:url]))", "end"], "2"],
    ["php", "src/Preview.php", ["<?php", "$html = file_get_contents($_GET['url']);"], "2"],
  ])("flags a request to a URL from input in %s", (_language, path, lines, line) => {
    expect(rulesAt(path, lines)).toEqual([line]);
  });

  it.each([
    ["a fixed URL", "src/status.js", ["const res = await fetch('https://status.example.com/api');"]],
    ["a configured URL", "app/billing.py", ["resp = requests.post(settings.BILLING_URL, json=payload, timeout=10)"]],
    ["input used elsewhere on another line", "internal/fetch.go", ["name := r.FormValue(\"name\")", "resp, err := http.Get(apiBase + \"/users\")"]],
  ])("stays quiet for %s", (_case, path, lines) => {
    expect(rulesAt(path, lines)).toEqual([]);
  });
});
