// Builds the dashboard into ./dist, which `realpolitik serve` serves (see ../api/app.py).
// Swagger UI's files are copied from the npm package into dist/swagger for /docs (no CDN).
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

function swaggerAssets() {
  return {
    name: 'realpolitik-swagger-assets',
    writeBundle() {
      const from = join(here, 'node_modules', 'swagger-ui-dist');
      const to = join(here, 'dist', 'swagger');
      mkdirSync(to, { recursive: true });
      for (const name of ['swagger-ui-bundle.js', 'swagger-ui.css', 'favicon-32x32.png']) {
        copyFileSync(join(from, name), join(to, name));
      }
    },
  };
}

export default defineConfig({
  root: here,
  base: '/',
  build: {
    outDir: join(here, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
  },
  plugins: [swaggerAssets()],
});
