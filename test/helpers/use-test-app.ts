import { afterAll, afterEach, beforeAll, expect } from "@jest/globals";
import nock from "nock";
import { isolateNetwork, startTestApp, type TestApp, type TestAppOptions } from "./test-app.js";

/**
 * One app for a describe block, started before its tests and stopped after them. After each test,
 * every mocked GitHub call was made and every job finished (none retrying or dead-lettered).
 */
export function useTestApp(options: TestAppOptions = {}): { readonly current: TestApp } {
  const holder: { current?: TestApp } = {};
  beforeAll(async () => {
    isolateNetwork();
    holder.current = await startTestApp(options);
  });
  afterAll(async () => {
    await holder.current?.stop();
    nock.cleanAll();
  });
  afterEach(async () => {
    expect(nock.pendingMocks()).toEqual([]);
    const unfinished = await holder.current!.app.store.db.selectFrom("jobs").select(["id", "last_error"]).where("status", "!=", "done").execute();
    expect(unfinished).toEqual([]);
  });
  return {
    get current() {
      if (!holder.current) throw new Error("the test app is not started yet");
      return holder.current;
    },
  };
}
