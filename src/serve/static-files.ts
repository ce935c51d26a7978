/**
 * The dashboard's files, served from memory: a fixed table from URL path to file (the dashboard's own
 * files and uPlot from node_modules), read once at start. No path from a request ever reaches the
 * file system, so there is nothing to traverse. Pages carry a strict Content-Security-Policy: scripts,
 * styles and connections from this server only, no inline script, no framing.
 */
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const DASHBOARD = join(import.meta.dirname, "dashboard");
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml" };

/** URL path → file. Everything the dashboard loads is listed here, and nothing else is served. */
function table(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const own = ["index.html", "style.css", "app.js", "api.js", "dom.js", "charts.js", "fleet.js", "plugin.js", "events.js", "approvals.js", "format.js", "favicon.svg"];
  return {
    "/": join(DASHBOARD, "index.html"),
    ...Object.fromEntries(own.map((f) => [`/${f}`, join(DASHBOARD, f)])),
    "/vendor/uplot.js": require.resolve("uplot/dist/uPlot.iife.min.js"),
    "/vendor/uplot.css": require.resolve("uplot/dist/uPlot.min.css"),
  };
}

export interface StaticFiles {
  /** Answers a GET or HEAD for a dashboard file; false when the path is not one. */
  serve(req: IncomingMessage, res: ServerResponse, pathname: string): boolean;
}

export async function loadStaticFiles(): Promise<StaticFiles> {
  const assets = new Map<string, Asset>();
  for (const [path, file] of Object.entries(table())) {
    const body = await readFile(file);
    const ext = file.slice(file.lastIndexOf("."));
    assets.set(path, { body, type: TYPES[ext] ?? "application/octet-stream", etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"` });
  }
  return {
    serve(req, res, pathname) {
      const asset = assets.get(pathname);
      if (!asset) return false;
      const headers: Record<string, string> = {
        "content-type": asset.type,
        etag: asset.etag,
        "cache-control": "no-cache",
        "content-security-policy": CONTENT_SECURITY_POLICY,
      };
      if (req.headers["if-none-match"] === asset.etag) {
        res.writeHead(304, headers);
        res.end();
        return true;
      }
      res.writeHead(200, { ...headers, "content-length": String(asset.body.length) });
      res.end(req.method === "HEAD" ? undefined : asset.body);
      return true;
    },
  };
}
