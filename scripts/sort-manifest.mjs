// `cem analyze` lists modules in the order the file system returns them, which differs between
// checkouts: sorted by path, custom-elements.json is the same wherever it is made (CI checks it).
// It also guesses events from `dispatchEvent(new SomeEvent(x))` calls, naming them after the first
// argument (`edits`, `saved`) or not at all; the `@fires {Type} name - …` lines are the contract,
// so an element that documents its events keeps only those (the JSX and Vue types are made from
// this list).
import { readFile, writeFile } from 'node:fs/promises';

const file = 'custom-elements.json';
const manifest = JSON.parse(await readFile(file, 'utf8'));
manifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
for (const declaration of manifest.modules.flatMap((module) => module.declarations ?? [])) {
  const events = declaration.events;
  if (!events?.some((event) => event.description)) continue;
  declaration.events = events.filter((event) => event.name && event.description);
}
await writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`);
