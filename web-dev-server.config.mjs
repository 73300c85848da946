import { esbuildPlugin } from '@web/dev-server-esbuild';

export default {
  rootDir: '.',
  appIndex: 'demo/index.html',
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
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
