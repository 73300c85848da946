// Builds the demo as static files (dist/demo/) that work from any static host: one minified module,
// the stylesheet, and index.html pointing at them. The page's Content-Security-Policy stays strict.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { build } from 'esbuild';

export async function buildDemo(outdir = 'dist/demo') {
  await mkdir(outdir, { recursive: true });
  await build({
    entryPoints: ['demo/app.ts'],
    outfile: `${outdir}/app.js`,
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    sourcemap: true,
    tsconfig: 'tsconfig.json',
    conditions: ['browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  const html = await readFile('demo/index.html', 'utf8');
  // The static build has no server: its data stays in the browser (demo/connection.ts).
  const page = html
    .replace('src="./app.ts"', 'src="./app.js"')
    .replace('src="../custom-elements.json"', 'src="./custom-elements.json"')
    .replace('<head>', '<head>\n    <meta name="demo-data" content="browser" />');
  await writeFile(`${outdir}/index.html`, page);
  await copyFile('demo/demo.css', `${outdir}/demo.css`);
  await copyFile('custom-elements.json', `${outdir}/custom-elements.json`);
  await copyFile('demo/import-customers.csv', `${outdir}/import-customers.csv`);
  return outdir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outdir = await buildDemo(process.argv[2]);
  console.log(`demo: built into ${outdir}/ (open index.html from any static host)`);
}
