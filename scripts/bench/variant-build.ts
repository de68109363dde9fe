/**
 * Copies of the built extension with parts taken out, to tell what each part adds to a page
 * load (the page-load cell's no-op reference; `npm run bench:variants`).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type VariantChange = 'no-css' | 'no-script' | 'neither';

const NO_OP_SCRIPT = '(() => {})();\n';

/**
 * Copies `build` to `dir/change` and changes the copy: no-css drops the stylesheet the manifest
 * injects; no-script keeps it and makes the content script an empty function; neither does both.
 * The manifest, background and pages stay the same.
 */
export function variantBuild(build: string, dir: string, change: VariantChange): string {
  const out = join(dir, change);
  cpSync(build, out, { recursive: true });
  const manifestPath = join(out, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    content_scripts: { css?: string[]; js: string[] }[];
  };
  for (const script of manifest.content_scripts) {
    if (change === 'no-css' || change === 'neither') delete script.css;
    if (change === 'no-script' || change === 'neither')
      for (const js of script.js) writeFileSync(join(out, js), NO_OP_SCRIPT);
  }
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return out;
}
