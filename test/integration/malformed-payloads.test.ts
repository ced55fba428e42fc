import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { isolateNetwork, startTestApp, type TestApp } from "../helpers/test-app.js";
import { loadExample } from "../helpers/webhook-examples.js";

// Correctly signed payloads whose fields GitHub would refuse: they are dead-lettered with the reason
// before any GitHub request (no nock scope is set up, so any request would show in the error instead).
describe("payloads with fields GitHub would refuse", () => {
  let t: TestApp;
  beforeAll(async () => {
    isolateNetwork();
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.stop();
    nock.cleanAll();
  });
  afterEach(() => {
    expect(nock.pendingMocks()).toEqual([]);
  });

  async function deadLetter(name: string, payload: unknown, id: string): Promise<string> {
    expect((await t.post(name, payload, { id })).status).toBe(200);
    await t.waitForIdle();
    const job = await t.app.store.db.selectFrom("jobs").select(["status", "last_error"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(job.status).toBe("dead");
    return job.last_error ?? "";
  }

  it("dead-letters a /coach command on a negative issue number without calling GitHub", async () => {
    const payload = loadExample<{ issue: { number: number; pull_request?: unknown }; comment: { body: string } }>("issue_comment", "created");
    payload.issue.number = -3;
    payload.issue.pull_request = { url: "https://api.github.com/repos/Codertocat/Hello-World/pulls/3" };
    payload.comment.body = "/coach off";
    expect(await deadLetter("issue_comment", payload, "negative-number")).toMatch(/issue\.number Too small: expected number to be >0/);
  });

  it("dead-letters a pull request whose repository full_name has no slash", async () => {
    const payload = loadExample<{ repository: { full_name: string } }>("pull_request", "opened");
    payload.repository.full_name = "Hello-World";
    expect(await deadLetter("pull_request", payload, "slashless-full-name")).toMatch(/repository\.full_name must be owner\/name/);
  });

  it("dead-letters a review whose repository name or owner GitHub would refuse, or that disagrees with full_name", async () => {
    const review = () => loadExample<{ repository: { name: string; full_name: string; owner: { login: string } } }>("pull_request_review", "submitted");
    const dotted = review();
    dotted.repository.name = "../../orgs/acme";
    expect(await deadLetter("pull_request_review", dotted, "dotted-name")).toMatch(/repository\.name must be a repository name/);
    const emptyOwner = review();
    emptyOwner.repository.owner.login = "";
    expect(await deadLetter("pull_request_review", emptyOwner, "empty-owner")).toMatch(/repository\.owner\.login must be a GitHub login/);
    const twoNames = review();
    twoNames.repository.name = "Other";
    expect(await deadLetter("pull_request_review", twoNames, "two-names")).toMatch(/repository\.full_name must be owner\.login\/name/);
  });
});
