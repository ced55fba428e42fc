import { describe, expect, it } from "@jest/globals";
import { A_TEST_FILE, modifiedFile, profileOf } from "./risk-fixtures.js";

const exportRules = (path: string, patch: string[]): string[] =>
  profileOf(modifiedFile(path, patch))
    .filter((f) => f.rule.endsWith("-export"))
    .map((f) => f.rule);

describe("export changes", () => {
  it.each([
    ["a version constant's new value", "src/version.ts", ["@@ -1,1 +1,1 @@", "-export const VERSION = \"1.4.2\";", "+export const VERSION = \"1.5.0\";"]],
    ["a constant's new value", "src/limits.ts", ["@@ -3,1 +3,1 @@", "-export const MAX_ITEMS = 50;", "+export const MAX_ITEMS = 100;"]],
    ["Go interface{} read as any", "pkg/store/store.go", ["@@ -8,1 +8,1 @@", "-func Put(key string, value interface{}) error {", "+func Put(key string, value any) error {"]],
    ["a removed Go main", "cmd/tool/main.go", ["@@ -1,3 +1,0 @@", "-func main() {", "-\trun()", "-}"]],
    ["a Python main removed", "app/cli.py", ["@@ -10,2 +10,0 @@", "-def main():", "-    run()"]],
    ["an export moved within the file", "src/math.ts", ["@@ -1,3 +1,0 @@", "-export function area(w: number, h: number): number {", "-  return w * h;", "-}", "@@ -20,0 +17,3 @@", "+export function area(w: number, h: number): number {", "+  return w * h;", "+}"]],
    ["a reformatted export", "src/math.ts", ["@@ -1,1 +1,1 @@", "-export function area(w: number,h: number): number {", "+export function area(w: number, h: number): number {"]],
    ["a trailing comma moved by a formatter", "src/math.ts", ["@@ -1,1 +1,1 @@", "-export function area(w: number, h: number,) {", "+export function area(w: number, h: number) {"]],
    ["a Java constant's value", "src/main/java/com/acme/Version.java", ["@@ -3,1 +3,1 @@", "-    public static final String NAME = \"1.2\";", "+    public static final String NAME = \"1.3\";"]],
  ])("%s (%s) raises nothing", (_label, path, patch) => {
    expect(exportRules(path, patch)).toEqual([]);
  });

  it.each([
    ["a changed TS signature", "src/math.ts", ["@@ -1,1 +1,1 @@", "-export function area(w: number, h: number): number {", "+export function area(size: Size): number {"], "changed-export"],
    ["a removed TS export", "src/math.ts", ["@@ -1,3 +1,1 @@", "-export function perimeter(w: number, h: number): number {", "-  return 2 * (w + h);", "-}", "+// perimeter lives in geometry now"], "removed-export"],
    ["a new Go export", "pkg/store/store.go", ["@@ -8,0 +8,3 @@", "+func Delete(key string) error {", "+\treturn nil", "+}"], "added-export"],
    ["a changed Go signature", "pkg/store/store.go", ["@@ -8,1 +8,1 @@", "-func Put(key string, value any) error {", "+func Put(ctx context.Context, key string, value any) error {"], "changed-export"],
    ["a removed Python function", "app/api.py", ["@@ -4,2 +4,0 @@", "-def refund(order):", "-    return gateway.refund(order)"], "removed-export"],
    ["a changed Java method", "src/main/java/com/acme/Orders.java", ["@@ -9,1 +9,1 @@", "-    public Order find(long id) {", "+    public Optional<Order> find(long id) {"], "changed-export"],
  ])("%s (%s) is %s", (_label, path, patch, rule) => {
    expect(exportRules(path, patch)).toContain(rule);
  });

  it("test files have no public API", () => {
    expect(exportRules("test/math.test.ts", ["@@ -1,1 +1,0 @@", "-export function fixture() {}"])).toEqual([]);
  });

  it("the placeholder test file is not an export change either", () => {
    expect(profileOf(A_TEST_FILE).filter((f) => f.rule.endsWith("-export"))).toEqual([]);
  });
});
