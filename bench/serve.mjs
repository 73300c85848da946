// The dev server and headless Chromium every bench script measures in: the TypeScript sources
// served as the tests see them (production conditions), the browser launched as in the tests.
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import puppeteer from 'puppeteer-core';
import { BROWSER_ARGS, findBrowser } from '../scripts/browser.mjs';

/** Starts the server on `port` and the browser; stops with a clear message when there is no Chromium. */
export async function startBench(port) {
  const executablePath = findBrowser();
  if (!executablePath) {
    console.error('No Chromium found: run `npm test` once (it installs one) or set CHROME_PATH.');
    process.exit(1);
  }
  const server = await startDevServer({
    config: {
      rootDir: '.',
      port,
      nodeResolve: { exportConditions: ['browser', 'production'] },
      plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  const browser = await puppeteer.launch({ executablePath, args: BROWSER_ARGS, headless: true });
  return { server, browser, origin: `http://localhost:${server.server.address().port}` };
}
