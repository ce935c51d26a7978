/** Matches a method and path to a route: literal segments, and `{name}` for one decoded segment. */
import { ServeError } from "./errors.ts";
import type { HttpMethod, Route } from "./route.ts";

export type RouteMatch =
  | { kind: "route"; route: Route; params: Record<string, string> }
  | { kind: "wrong_method"; allowed: HttpMethod[] }
  | { kind: "none" };

interface Compiled {
  route: Route;
  segments: ({ literal: string } | { param: string })[];
}

export interface Router {
  match(method: string, pathname: string): RouteMatch;
}

export function createRouter(routes: readonly Route[]): Router {
  const compiled: Compiled[] = routes.map((route) => ({
    route,
    segments: route.path.split("/").slice(1).map((s) => (s.startsWith("{") && s.endsWith("}") ? { param: s.slice(1, -1) } : { literal: s })),
  }));
  return {
    match(method, pathname) {
      const parts = pathname.split("/").slice(1);
      const allowed: HttpMethod[] = [];
      for (const c of compiled) {
        const params = matchSegments(c, parts);
        if (!params) continue;
        if (c.route.method === method) return { kind: "route", route: c.route, params };
        allowed.push(c.route.method);
      }
      return allowed.length ? { kind: "wrong_method", allowed } : { kind: "none" };
    },
  };
}

function matchSegments(c: Compiled, parts: string[]): Record<string, string> | undefined {
  if (parts.length !== c.segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const seg = c.segments[i]!;
    const part = parts[i]!;
    if ("literal" in seg) {
      if (seg.literal !== part) return undefined;
    } else {
      if (part === "") return undefined;
      params[seg.param] = decodeSegment(part);
    }
  }
  return params;
}

function decodeSegment(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new ServeError("invalid_input", `the path segment "${part}" is not valid percent-encoding`, { nextStep: "Percent-encode path segments (encodeURIComponent)." });
  }
}
