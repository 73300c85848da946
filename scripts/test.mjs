// `npm test`: runs every test step, even after one fails, so one failure hides no other; then
// prints each step's result and time. Exits 1 if any step failed. Each step is also an npm script
// of its own (`npm run test:browser`, …). CI reads the last line: `N passed, M failed`.
import { spawn } from 'node:child_process';

/** @type {{ name: string, script: string, env?: Record<string, string> }[]} */
const STEPS = [
  { name: 'browser present', script: 'test:ensure-browser' },
  { name: 'browser tests (web-test-runner)', script: 'test:browser' },
  // The model and the locale tables in the time zones farthest ahead of and behind UTC.
  { name: 'model tests, TZ=Pacific/Kiritimati', script: 'test:node', env: { TZ: 'Pacific/Kiritimati' } },
  { name: 'model tests, TZ=America/Adak', script: 'test:node', env: { TZ: 'America/Adak' } },
  // The locale table formatted in Node and in Chromium; each runtime reads what both wrote.
  { name: 'model in Node and Chromium', script: 'test:runtimes' },
  { name: 'server over HTTP', script: 'test:server' },
  { name: 'OpenAPI document', script: 'test:openapi' },
  { name: 'demo smoke test', script: 'test:demo' },
  { name: 'bundle smoke test', script: 'test:bundle' },
  // Builds dist/, packs it, installs the tarball, checks it (publint, attw, tsc, vue-tsc) and drives the examples.
  { name: 'hosts: package, types, examples', script: 'test:hosts' },
  { name: 'size check', script: 'test:size' },
];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(step) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', step.script], {
      stdio: 'inherit',
      env: { ...process.env, ...step.env },
    });
    child.on('error', (error) => {
      console.error(`Could not start ${step.script}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

// Stopped by Ctrl-C: the children get the signal too; stop after the current step, with no summary.
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    interrupted = true;
  });
}

const results = [];
for (const step of STEPS) {
  if (interrupted) break;
  // The command that runs this step alone.
  const command = [...Object.entries(step.env ?? {}).map(([k, v]) => `${k}=${v}`), 'npm run', step.script].join(' ');
  console.log(`\n━━━ ${step.name}: ${command}\n`);
  const start = performance.now();
  const code = await run(step);
  results.push({ step, ok: code === 0, seconds: (performance.now() - start) / 1000 });
}
if (interrupted) process.exit(130);

const width = Math.max(...results.map((r) => r.step.name.length));
console.log('\n━━━ Summary\n');
for (const { step, ok, seconds } of results) {
  console.log(`  ${ok ? 'passed' : 'FAILED'}  ${step.name.padEnd(width)}  ${seconds.toFixed(1).padStart(6)} s`);
}
const failed = results.filter((r) => !r.ok).length;
console.log(`\n${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
