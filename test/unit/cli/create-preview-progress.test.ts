import { describe, expect, it } from "@jest/globals";
import { createPreviewProgress } from "../../../src/cli/create-preview-progress.js";
import { Capture } from "../../helpers/fake-cli-io.js";

describe("the preview's progress on stderr", () => {
  it("redraws one bar on a terminal: PRs read and analysed, requests left, time left", () => {
    const stream = Object.assign(new Capture(), { isTTY: true });
    let clock = 0;
    const progress = createPreviewProgress(stream, () => ({ remaining: 4200 }), () => clock);
    progress.listed(4);
    clock = 10_000;
    progress.analysed(1, 4, 12);
    clock = 20_000;
    progress.analysed(2, 4, 13);
    progress.waiting({ waitMs: 90_000, until: Date.parse("2026-11-18T10:01:30Z"), reason: "exhausted" });
    progress.analysed(4, 4, 15);
    progress.finish();
    expect(stream.text).toBe(
      "review-coach preview: 4 merged pull requests to read and analyse (4200 requests left)\n" +
        "\r\x1b[2K[######------------------] 1/4 PRs read and analysed · 4200 requests left · ~30s left" +
        "\r\x1b[2K[############------------] 2/4 PRs read and analysed · 4200 requests left · ~20s left" +
        "\nreview-coach preview: the token's rate limit is used up: waiting 1m 30s, until 10:01:30 UTC\n" +
        "\r\x1b[2K[########################] 4/4 PRs read and analysed · 4200 requests left · done in 20s\n",
    );
  });

  it("writes plain lines elsewhere", () => {
    const stream = new Capture();
    const progress = createPreviewProgress(stream, () => ({}), () => 0);
    progress.analysed(1, 2, 7);
    progress.finish();
    expect(stream.text).toBe("review-coach preview: #7 analysed, 1/2 PRs read and analysed, ~0s left\n");
  });
});
