import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { BROWSER_ARGS, findBrowser } from './scripts/browser.mjs';

const executablePath = findBrowser();
if (!executablePath) {
  throw new Error('No Chromium or Chrome found: run `npm test`, which installs one, or set CHROME_PATH.');
}

export default {
  files: ['src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: BROWSER_ARGS } })],
  concurrency: 2,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 10_000 } },
};
