import { esbuildPlugin } from '@web/dev-server-esbuild';

export default {
  rootDir: '.',
  appIndex: 'demo/index.html',
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  port: Number(process.env.PORT) || 8000,
  open: process.env.CI ? false : '/demo/',
  watch: !process.env.CI,
};
