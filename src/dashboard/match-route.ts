/**
 * One row of a route table: a method, a path pattern (segments after the group's prefix, "" for the
 * prefix itself, ":name" matching any one segment) and what answers it.
 */
export interface Route<Request> {
  method: "GET" | "POST";
  pattern: string;
  handle(request: Request, params: Record<string, string>): Promise<void> | void;
}

/** The first route of the table for this method and these decoded path segments, with its parameters. */
export function matchRoute<Request>(
  routes: readonly Route<Request>[],
  method: string,
  parts: readonly string[],
): { route: Route<Request>; params: Record<string, string> } | null {
  for (const route of routes) {
    if (route.method !== method) continue;
    const segments = route.pattern === "" ? [] : route.pattern.split("/");
    if (segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const matches = segments.every((segment, index) => {
      const part = parts[index] as string;
      if (segment.startsWith(":")) params[segment.slice(1)] = part;
      return segment.startsWith(":") || segment === part;
    });
    if (matches) return { route, params };
  }
  return null;
}
