// `node scripts/route-js-size.mjs [route]` after `npm run build`: the client JavaScript a route
// loads on first visit (framework + layouts + page), gzipped, from the build's manifests; and the
// chunks it loads lazily afterwards (next/dynamic imports reachable from those chunks).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const route = process.argv[2] ?? "/(dashboard)/page";
const next = join(process.cwd(), ".next");
const require = createRequire(import.meta.url);
globalThis.__RSC_MANIFEST = {};
const dir = route.replace(/\/page$/, "");
require(join(next, "server/app", dir, "page_client-reference-manifest.js"));
const manifest = globalThis.__RSC_MANIFEST[route];
if (!manifest) throw new Error(`No client manifest for ${route}; run npm run build first.`);
const build = JSON.parse(readFileSync(join(next, "build-manifest.json"), "utf8"));

const initial = new Set(build.rootMainFiles);
for (const [entry, files] of Object.entries(manifest.entryJSFiles)) {
  // the route's own entries: the root layout, its group layouts and the page
  if (entry === "[project]/app/layout" || entry.startsWith(`[project]/app${dir}`)) files.forEach((f) => initial.add(f));
}
const gz = (file) => gzipSync(readFileSync(join(next, file))).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const initialBytes = [...initial].reduce((sum, file) => sum + gz(file), 0);

// lazily loaded chunks: static/chunks files named inside the initial chunks but not among them
const lazy = new Set();
for (const file of initial) {
  for (const match of readFileSync(join(next, file), "utf8").matchAll(/static\/chunks\/[\w.-]+\.js/g)) {
    if (!initial.has(match[0])) lazy.add(match[0]);
  }
}
const lazyBytes = [...lazy].reduce((sum, file) => sum + gz(file), 0);
console.log(JSON.stringify({ route, initialGzipBytes: initialBytes, initialFiles: initial.size, lazyGzipBytes: lazyBytes, lazyFiles: lazy.size }));
console.log(`${route}: first load ${kb(initialBytes)} gzipped in ${initial.size} files; loaded later ${kb(lazyBytes)} in ${lazy.size} files`);
