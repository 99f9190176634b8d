// `npm run site`: the policy explorer and playground as static files in site/dist (ignored by
// git): index.html, style.css and app.js, the page's code bundled with huzhu, decimal.js and
// zod by esbuild. app.js is a classic script, not a module, so that the page works opened
// straight from disk (browsers refuse module scripts from file://) and offline: it loads
// nothing but these three files.
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const SITE = import.meta.dirname;
export const SITE_DIST = join(SITE, 'dist');

/** Builds the page into `outdir`; returns each file's size in bytes, raw and gzipped. */
export async function buildSite(outdir = SITE_DIST): Promise<Map<string, { raw: number; gzip: number }>> {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: [join(SITE, 'src', 'main.ts')],
    outfile: join(outdir, 'app.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  for (const file of ['index.html', 'style.css']) copyFileSync(join(SITE, file), join(outdir, file));
  const sizes = new Map<string, { raw: number; gzip: number }>();
  for (const file of ['index.html', 'style.css', 'app.js']) {
    const bytes = readFileSync(join(outdir, file));
    sizes.set(file, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  return sizes;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizes = await buildSite();
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  for (const [file, size] of sizes) console.log(`site/dist/${file}: ${kb(size.raw)}, ${kb(size.gzip)} gzip`);
  console.log(`open ${pathToFileURL(join(SITE_DIST, 'index.html')).href}`);
}
