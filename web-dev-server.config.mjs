import { getRequestListener } from '@hono/node-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { tsImport } from 'tsx/esm/api';
import { papaparseDevServerPlugin } from './scripts/papaparse-esm.mjs';

// The demo's server side: customer-properties/server over the demo's data (PGlite in .demo-data/)
// at /api, and the chat's "profile" reply at /demo-api (demo/api.ts). The page talks to it through
// RestStore.
const { createDemoApi } = await tsImport('./demo/api.ts', import.meta.url);
const demoApi = await createDemoApi();
const listener = getRequestListener(
  async (request) => (await demoApi.handle(request)) ?? new Response(null, { status: 404 }),
);

export default {
  rootDir: '.',
  appIndex: 'demo/index.html',
  nodeResolve: { exportConditions: ['browser', 'development'] },
  middleware: [
    async (ctx, next) => {
      // The address the server prints opens the demo.
      if (ctx.path === '/') return ctx.redirect('/demo/');
      if (!ctx.path.startsWith('/api/') && !ctx.path.startsWith('/demo-api/')) return next();
      ctx.respond = false;
      await listener(ctx.req, ctx.res);
    },
  ],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    papaparseDevServerPlugin,
    {
      // @googlemaps/js-api-loader reads process.env.NODE_ENV, which a bundler would replace.
      name: 'define-node-env',
      transform(context) {
        if (context.path.includes('@googlemaps/js-api-loader')) {
          return { body: context.body.replaceAll('process.env.NODE_ENV', '"development"') };
        }
      },
    },
  ],
  port: Number(process.env.PORT) || 8000,
  open: process.env.CI ? false : '/demo/',
  // No live reload: it injects an inline script, which the demo's Content-Security-Policy refuses.
  watch: false,
};
