import { describe, expect, it } from "@jest/globals";
import { selectActedOnNudges } from "../../../src/coach/select-acted-on-nudges.js";

const nudge = (id: number, fields: Partial<{ status: string; reviewerLogin: string; concern: string; reviewId: number }> = {}) => ({
  id,
  status: "sent",
  reviewerLogin: "Bob-Reviewer",
  concern: "security",
  reviewId: 10,
  ...fields,
});

const ids = (nudges: Array<{ id: number }>) => nudges.map((n) => n.id);

describe("selectActedOnNudges (the acted-on rule)", () => {
  it("takes the reviewer's open nudges whose concern the answer raises, the login matched without case", () => {
    const nudges = [nudge(1), nudge(2, { concern: "tests" }), nudge(3, { status: "listed" }), nudge(4, { reviewerLogin: "carol" })];
    expect(ids(selectActedOnNudges(nudges, { reviewerLogin: "bob-reviewer", concerns: ["security"] }))).toEqual([1, 3]);
  });

  it("leaves nudges already settled (dismissed, acted on, shadow) and those of the answering review itself", () => {
    const nudges = [nudge(1, { status: "dismissed" }), nudge(2, { status: "acted-on" }), nudge(3, { status: "shadow" }), nudge(4, { reviewId: 11 }), nudge(5)];
    expect(ids(selectActedOnNudges(nudges, { reviewerLogin: "Bob-Reviewer", concerns: ["security"], reviewId: 11 }))).toEqual([5]);
  });

  it("counts an answer that addresses a nudge otherwise (a reply to it) without raising its concern", () => {
    const nudges = [nudge(1, { concern: "tests" }), nudge(2, { concern: "performance" })];
    expect(ids(selectActedOnNudges(nudges, { reviewerLogin: "Bob-Reviewer", concerns: [], addresses: (n) => n.id === 2 }))).toEqual([2]);
  });
});
