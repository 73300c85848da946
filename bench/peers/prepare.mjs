// Installs the peers' dependencies in bench/peers/ (its own package and lock, `npm ci`) when they
// are missing or older than the lock, and bundles bench/peers/peers.mjs with production React into
// bench/results/peers.js; measures what a page with either form costs (minified, gzip -9, as
// scripts/size-lib.mjs measures our pages). Called by bench/run.mjs; `node bench/peers/prepare.mjs`
// runs it alone.
import { spawnSync } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));

export async function preparePeers() {
  const installed = await stat(`${here}node_modules/.package-lock.json`).catch(() => undefined);
  const lock = await stat(`${here}package-lock.json`);
  if (!installed || installed.mtimeMs < lock.mtimeMs) {
    console.log('bench/peers: npm ci (react-jsonschema-form, JSON Forms and React, for the side-by-side table)');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('bench/peers: npm ci failed');
  }
  await build({
    entryPoints: [`${here}peers.mjs`],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    outfile: `${here}../results/peers.js`,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  const sizes = {};
  for (const peer of ['rjsf', 'jsonforms']) {
    const result = await build({
      entryPoints: [`${here}size-${peer}.mjs`],
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
      conditions: ['browser', 'production'],
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'error',
    });
    const code = result.outputFiles[0].contents;
    sizes[peer] = { minified: code.length, gzip: gzipSync(code, { level: 9 }).length };
  }
  return sizes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await preparePeers());
