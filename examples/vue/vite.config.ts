import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// Vue must not try to resolve our tags as Vue components.
const isCustomElement = (tag: string) => tag.includes('-');

export default defineConfig({ plugins: [vue({ template: { compilerOptions: { isCustomElement } } })] });
