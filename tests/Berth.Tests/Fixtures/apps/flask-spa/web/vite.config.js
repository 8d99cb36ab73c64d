import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    // The Flask app serves this folder (app/__init__.py static_folder).
    outDir: '../app/static',
    emptyOutDir: true,
  },
});
