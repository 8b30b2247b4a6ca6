// Vite config of the admin SPA. Run from the repo root:
//   npx vite --config apps/admin/vite.config.mts          (dev server, proxies the API on :3000)
//   npx vite build --config apps/admin/vite.config.mts    (writes apps/admin/dist, served by the API)
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const apiTarget = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [vue()],
  resolve: {
    alias: {
      '@qa/shared-api-client': here('../../libs/shared/api-client/src/index.ts'),
    },
  },
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks, so a change in the app does not bust the framework's cache.
        codeSplitting: {
          groups: [
            { name: 'vendor-primevue', test: /node_modules[\\/](primevue|@primevue|@primeuix)[\\/]/ },
            { name: 'vendor-vue', test: /node_modules[\\/](vue|@vue|vue-router|pinia|vue-i18n|@intlify)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 4200,
    strictPort: true,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/admin': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: { port: 4300 },
});
