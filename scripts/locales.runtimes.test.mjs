// One result in Node and the browser (issue 19): the model formats the locale table
// (src/internal/test/locale-table.ts) in Node and in headless Chromium, and each runtime must read
// back, as the value written, every text either runtime wrote. The two ICUs may write a value
// differently (`PM 9:05` and `오후 9:05`); parsing must accept both. Run by `npm run test:node`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { tsImport } from 'tsx/esm/api';
import { BROWSER_ARGS, findBrowser } from './browser.mjs';

const TABLE = 'src/internal/test/locale-table.ts';
let browser, page, node;

before(async () => {
  node = await tsImport(`../${TABLE}`, import.meta.url);
  const bundled = await build({
    entryPoints: [TABLE],
    bundle: true,
    format: 'iife',
    globalName: 'table',
    write: false,
    target: 'es2022',
  });
  browser = await puppeteer.launch({ executablePath: findBrowser(), args: BROWSER_ARGS, headless: true });
  page = await browser.newPage();
  await page.addScriptTag({ content: bundled.outputFiles[0].text });
});

after(async () => {
  await browser?.close();
});

const failures = (rows, results, reader) =>
  rows.flatMap((row, i) =>
    results[i]
      ? [
          `${reader} reads ${row.type} ${JSON.stringify(row.text)} (${row.locale}, for ${JSON.stringify(row.value)}): ${results[i]}`,
        ]
      : [],
  );

test('each runtime reads back what it wrote and what the other wrote, in every locale of the table', async () => {
  const fromNode = node.written();
  const fromBrowser = await page.evaluate(() => window.table.written());
  assert.equal(fromBrowser.length, fromNode.length);
  const differ = fromNode.filter((row, i) => row.text !== fromBrowser[i].text);
  console.log(
    `${fromNode.length} values in ${node.LOCALES.length} locales; Node (ICU ${process.versions.icu}) and Chromium write ${differ.length} differently, e.g. ` +
      differ
        .slice(0, 5)
        .map(
          (row) =>
            `${row.locale} ${row.type}: ${JSON.stringify(row.text)} / ${JSON.stringify(fromBrowser[fromNode.indexOf(row)].text)}`,
        )
        .join('; '),
  );
  const problems = [
    ...failures(fromNode, node.misread(fromNode), 'Node'),
    ...failures(fromBrowser, node.misread(fromBrowser), 'Node'),
    ...failures(fromBrowser, await page.evaluate((rows) => window.table.misread(rows), fromBrowser), 'Chromium'),
    ...failures(fromNode, await page.evaluate((rows) => window.table.misread(rows), fromNode), 'Chromium'),
  ];
  assert.deepEqual(problems, []);
});
