import { describe, expect, it } from "@jest/globals";
import { CONCERNS, severityRank } from "../../../src/coach/types.js";

describe("coach vocabulary", () => {
  it("has exactly the eight concerns of the design", () => {
    expect(CONCERNS).toHaveLength(8);
  });
  it("orders severities", () => {
    expect(severityRank("high")).toBeGreaterThan(severityRank("low"));
  });
});
