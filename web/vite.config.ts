// Vite build, dev server and vitest configuration for the ssj web front end.
// Element Plus is imported per component by unplugin-vue-components (no generated .d.ts:
// template types come from "element-plus/global" in tsconfig.json).
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

export default defineConfig({
  plugins: [
    vue(),
    Components({
      dts: false,
      dirs: [],
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
    }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      output: {
        // Only the framework gets its own long-lived chunk. Element Plus is left to the
        // default splitting: forcing it into one manual chunk defeats tree-shaking and
        // pulls in the whole library (about 800 kB instead of what the pages use).
        manualChunks(id: string) {
          if (/node_modules\/(@vue|vue|vue-router)\//.test(id)) return 'vue'
          return undefined
        },
      },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.spec.ts'],
    env: { TZ: 'Asia/Shanghai' },
  },
})
