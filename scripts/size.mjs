// The last step of `npm run build`: the gzip size of each public entry point and of the bundle,
// checked against size-budgets.json. Prints a table, writes dist/size-report.json, and exits 1
// when an entry is over its budget. `--update-budgets` sets every budget to the measured figure
// plus at least half a KB of room, in whole KB (the goal stays as it is; the pages' figures, from
// issue 20, too).
import { readFile, writeFile } from 'node:fs/promises';
import { budgetsFromRows, formatReport, measurePages, measureSizes, readBudgets } from './size-lib.mjs';

const rows = [...(await measureSizes()), ...(await measurePages(await readBudgets()))];

if (process.argv.includes('--update-budgets')) {
  const file = JSON.parse(await readFile('size-budgets.json', 'utf8'));
  file.budgets = budgetsFromRows(rows);
  await writeFile('size-budgets.json', `${JSON.stringify(file, null, 2)}\n`);
  console.log('size-budgets.json: every budget set to the measured figure plus at least half a KB, in whole KB.');
}

const { budgets, goal, target } = await readBudgets();
const { text, check } = formatReport(rows, { budgets, goal, target });
console.log(
  'Sizes (minified, gzip -9; entries and pages (size-pages/) bundled by esbuild from dist/, the bundle as rollup wrote it):',
);
console.log(text);
await writeFile(
  'dist/size-report.json',
  `${JSON.stringify({ date: new Date().toISOString(), unit: 'bytes', rows, budgets, goal, target, check }, null, 2)}\n`,
);
if (!check.ok) {
  const problems = check.failures.length + check.unbudgeted.length + check.stale.length;
  console.error(
    `\nsize: ${problems} problem${problems === 1 ? '' : 's'} with size-budgets.json (over budget, no budget or a stale one); see above.`,
  );
  process.exit(1);
}
