/**
 * Vite build of the web front end (candidate pages + the lazily loaded staff pages).
 * `npm run build:web` writes web/dist; CloudFront (cloud) and the local server (`npm start`) serve it,
 * with `/api/*` on the same origin so sessions can be HttpOnly, SameSite=Strict cookies.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The manifest maps source modules to hashed files; the e2e test uses it to tell which file is the
    // staff chunk (it must not load on candidate pages).
    manifest: true,
    // WeChat's in-app browser on older phones lags behind desktop Chrome; keep the syntax conservative.
    target: ['es2020', 'chrome87', 'safari14'],
  },
  server: {
    // `npx vite --config web/vite.config.ts` beside `npm start` (port 3000): same-origin /api in dev too.
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
