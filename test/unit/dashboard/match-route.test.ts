import { describe, expect, it } from "@jest/globals";
import { matchRoute, type Route } from "../../../src/dashboard/match-route.js";

const route = (method: "GET" | "POST", pattern: string): Route<string> => ({ method, pattern, handle: () => undefined });
const table = [route("POST", "me/opt-out"), route("GET", ""), route("GET", "me"), route("GET", "repos/:owner/:name"), route("GET", "repos/:owner/:name/digests")];

describe("matchRoute", () => {
  it("finds the route of a method and path, with its parameters", () => {
    expect(matchRoute(table, "GET", [])).toEqual({ route: table[1], params: {} });
    expect(matchRoute(table, "GET", ["repos", "acme", "shop"])).toEqual({ route: table[3], params: { owner: "acme", name: "shop" } });
    expect(matchRoute(table, "GET", ["repos", "acme", "shop", "digests"])).toEqual({ route: table[4], params: { owner: "acme", name: "shop" } });
    expect(matchRoute(table, "POST", ["me", "opt-out"])).toEqual({ route: table[0], params: {} });
  });

  it("matches no route of another method, another length or another literal segment", () => {
    expect(matchRoute(table, "GET", ["me", "opt-out"])).toBeNull();
    expect(matchRoute(table, "POST", ["me"])).toBeNull();
    expect(matchRoute(table, "HEAD", [])).toBeNull();
    expect(matchRoute(table, "GET", ["repos", "acme"])).toBeNull();
    expect(matchRoute(table, "GET", ["repos", "acme", "shop", "settings"])).toBeNull();
    expect(matchRoute(table, "GET", ["you"])).toBeNull();
  });
});
