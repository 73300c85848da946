import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { BROWSER_ARGS, findBrowser } from './scripts/browser.mjs';
import { papaparseDevServerPlugin } from './scripts/papaparse-esm.mjs';

// The HTTP API of docs/rest-api.yaml, served by the test run itself for RestStore's tests.
const { createRestTestHandler } = await tsImport('./src/internal/test/rest-test-server.ts', import.meta.url);
const restTestHandler = createRestTestHandler();
// The real server half (createPropertyServer) with a test login and secret, for the elements' tests against it.
const { createPropertyTestHandler } = await tsImport('./src/internal/test/property-test-server.ts', import.meta.url);
const propertyTestHandler = createPropertyTestHandler();

/**
 * `executeServerCommand('emulate-forced-colors', { active })`: forced colours (Windows High Contrast)
 * through the DevTools protocol. `emulateMedia` of @web/test-runner-commands goes through
 * Puppeteer, which accepts only prefers-color-scheme, prefers-reduced-motion and color-gamut.
 */
function forcedColorsPlugin() {
  const sessions = new Map();
  return {
    name: 'emulate-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors') return undefined;
      const page = session.browser.getPage(session.id);
      let cdp = sessions.get(page);
      if (!cdp) sessions.set(page, (cdp = await page.createCDPSession()));
      await cdp.send('Emulation.setEmulatedMedia', {
        features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }],
      });
      return true;
    },
  };
}

/**
 * `executeServerCommand('screenshot', { name, selector })`: a PNG of the element (or the page) into
 * docs/<name>.png when UPDATE_SCREENSHOTS=1 (`npm run screenshot`), else into the system's temp folder,
 * so a plain test run takes the same path without touching the repository.
 */
function screenshotPlugin() {
  return {
    name: 'screenshot',
    async executeCommand({ command, payload, session }) {
      if (command !== 'screenshot') return undefined;
      const page = session.browser.getPage(session.id);
      const dir = process.env.UPDATE_SCREENSHOTS === '1' ? 'docs' : tmpdir();
      const path = join(dir, `${payload.name}.png`);
      const target = payload.selector ? await page.$(payload.selector) : page;
      if (!target) throw new Error(`screenshot: nothing matches ${payload.selector}`);
      await target.screenshot({ path });
      return path;
    },
  };
}

const executablePath = findBrowser();
if (!executablePath) {
  throw new Error('No Chromium or Chrome found: run `npm test`, which installs one, or set CHROME_PATH.');
}

export default {
  // The server half's tests run in Node (npm run test:node): they start an HTTP server of their own.
  files: ['src/**/*.test.ts', '!src/server/**/*.test.ts', '!src/**/*.node.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  middleware: [
    async (ctx, next) => {
      if (!ctx.path.startsWith('/rest-test/')) return next();
      ctx.respond = false;
      await restTestHandler(ctx.req, ctx.res);
    },
    async (ctx, next) => {
      if (!ctx.path.startsWith('/server-test/')) return next();
      ctx.respond = false;
      await propertyTestHandler(ctx.req, ctx.res);
    },
  ],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    papaparseDevServerPlugin,
    forcedColorsPlugin(),
    screenshotPlugin(),
  ],
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: BROWSER_ARGS } })],
  // One page at a time: a page in the background gets no focus, key presses or IntersectionObserver callbacks.
  concurrency: 1,
  testsFinishTimeout: 300_000,
  // Sized for a busy 2-core machine; tests wait on conditions, so a passing test takes no longer.
  testFramework: { config: { timeout: 30_000 } },
  // The seed of the property-based tests (src/internal/test/fast-check-seed.ts), from FC_SEED.
  testRunnerHtml: (testFramework) => `<!DOCTYPE html>
<html>
  <body>
    <script>window.FC_SEED = ${JSON.stringify(process.env.FC_SEED ?? null)};</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};
