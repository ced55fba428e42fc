import { beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { ENGINES } from "../helpers/stores.js";
import { mockGitHub, mockRepoConfig, type TestApp } from "../helpers/test-app.js";
import { useTestApp } from "../helpers/use-test-app.js";
import { loadExample } from "../helpers/webhook-examples.js";

// Two events of one PR arriving together (opened, then ready_for_review at the same head) are run by
// two workers at once; the PR's files are read once, by the first, and the second waits for its profile.

const REPO = "Codertocat/Hello-World";

describe.each(ENGINES)("two events of one pull request at once on %s", (engine) => {
  const app = useTestApp({ engine });
  let t: TestApp;
  beforeEach(() => {
    t = app.current;
  });

  it("read its files once", async () => {
    const installationId = 8300;
    const events = ["opened", "ready_for_review"].map((action) => {
      const payload = loadExample("pull_request", action);
      payload.installation.id = installationId;
      return payload;
    });
    let fileReads = 0;
    const scope = mockRepoConfig(mockRepoConfig(mockGitHub(installationId), REPO, null), REPO, null)
      .get("/repos/Codertocat/Hello-World/pulls/2/files")
      .query({ per_page: 100 })
      // Slow enough that the second event's job starts while the first still waits for the files.
      .delay(400)
      .reply(200, () => (fileReads++, []));
    const unmatched: string[] = [];
    const onNoMatch = (req: { method?: string; path?: string }) => void unmatched.push(`${req.method} ${req.path}`);
    nock.emitter.on("no match", onNoMatch);

    const posted = await Promise.all(events.map((payload) => t.post("pull_request", payload)));
    expect(posted.map((response) => response.status)).toEqual([200, 200]);
    await t.waitForIdle();
    nock.emitter.removeListener("no match", onNoMatch);

    scope.done();
    expect(fileReads).toBe(1);
    expect(unmatched.filter((request) => request.includes("/files"))).toEqual([]);
    const jobs = await t.app.store.db.selectFrom("jobs").select(["status", "attempts"]).execute();
    expect(jobs).toEqual([
      { status: "done", attempts: 1 },
      { status: "done", attempts: 1 },
    ]);
    expect(await t.app.store.db.selectFrom("risk_profiles").select("head_sha").execute()).toEqual([{ head_sha: "ec26c3e57ca3a959ca5aad62de7213c562f8c821" }]);
  });
});
