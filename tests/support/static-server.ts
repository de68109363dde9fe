/**
 * Serves fixture folders on 127.0.0.1 for the browser tests, the demo (`npm start`) and the bench.
 * Mounts: `/pages/…` → tests/fixtures/pages, `/corpus/…` → ../shared/corpus/pages (when present).
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURE_PAGES = join(REPO_ROOT, 'tests/fixtures/pages');
export const CORPUS_PAGES = resolve(REPO_ROOT, '../shared/corpus/pages');

/**
 * Why the corpus cannot be swept (its folder is missing), or null. Whatever needs the corpus
 * fails with this message rather than passing over nothing.
 */
export function corpusMissing(dir = CORPUS_PAGES): string | null {
  return existsSync(dir) ? null : `the shared corpus is missing: there is no folder ${dir}`;
}

/** Every saved page of the corpus (absolute paths, sorted). Throws, naming the folder, when it is missing. */
export function corpusPagePaths(dir = CORPUS_PAGES): string[] {
  const missing = corpusMissing(dir);
  if (missing) throw new Error(missing);
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return corpusPagePaths(path);
      return name.endsWith('.html') ? [path] : [];
    })
    .sort();
}

export interface StaticServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

export async function startStaticServer(mounts: Record<string, string> = defaultMounts()): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      for (const [prefix, dir] of Object.entries(mounts)) {
        if (!path.startsWith(prefix)) continue;
        const file = normalize(join(dir, path.slice(prefix.length)));
        if (!file.startsWith(dir)) break;
        try {
          if ((await stat(file)).isFile()) {
            res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
            res.end(await readFile(file));
            return;
          }
        } catch {
          // fall through to 404
        }
      }
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    })();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (path) => origin + path,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

export function defaultMounts(): Record<string, string> {
  const mounts: Record<string, string> = { '/pages/': FIXTURE_PAGES + '/' };
  if (existsSync(CORPUS_PAGES)) mounts['/corpus/'] = CORPUS_PAGES + '/';
  return mounts;
}

/**
 * The default mounts, and a test's own pages (file name → HTML) written to a fresh temporary
 * folder and served under `prefix` ("/paint/" serves paint.html as /paint/paint.html).
 */
export function mountPages(prefix: string, pages: Record<string, string>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), `lens-${prefix.replaceAll('/', '')}-`));
  for (const [name, html] of Object.entries(pages)) writeFileSync(join(dir, name), html);
  return { ...defaultMounts(), [prefix]: dir + '/' };
}

export const SEED_PAGES = ['/pages/un-news-alliance-2012.html', '/pages/unaoc-shanghai-2012.html'];
