import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every .json file under `dir`, sorted, recursively: the dataset's file order is deterministic. */
export function listJsonFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...listJsonFiles(path));
    else if (name.endsWith('.json')) files.push(path);
  }
  return files;
}
