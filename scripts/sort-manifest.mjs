// `cem analyze` lists modules in the order the file system returns them, which differs between
// checkouts: sorted by path, custom-elements.json is the same wherever it is made (CI checks it).
import { readFile, writeFile } from 'node:fs/promises';

const file = 'custom-elements.json';
const manifest = JSON.parse(await readFile(file, 'utf8'));
manifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
await writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`);
