import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';
import { contractAddresses } from './build/contract-addresses.ts';

export default defineConfig({
  plugins: [
    react(),
    contractAddresses(),
    VitePWA({
      // A new version waits until the user chooses to reload: never in the middle of unsaved work.
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Komek',
        short_name: 'Komek',
        description: 'Legal aid and protection casework',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#0ca678',
        background_color: '#ffffff',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // The app shell and every page, language and chart chunk: after one visit the whole app
        // opens with no network. API answers are never cached here: what is personal lives in
        // the encrypted device store instead.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        navigateFallback: '/index.html',
        // The public help site is the server's own pages, never the app's shell.
        navigateFallbackDenylist: [/^\/api\//, /^\/help(\/|$|\?)/],
        cleanupOutdatedCaches: true,
        // The first visit is already served by the worker once it has cached the app, so a
        // field worker who signs in once and walks out of coverage can still open it.
        clientsClaim: true,
      },
    }),
    compression({ algorithms: ['gzip', 'brotliCompress'], exclude: [/\.(png|br|gz)$/], threshold: 1024 }),
  ],
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // A few large shared files rather than dozens of small ones: on a high-latency link every
        // request costs a round trip. Charts and the map stay with the results page.
        codeSplitting: {
          groups: [
            {
              name: 'charts',
              test: /node_modules[\\/](echarts|zrender|leaflet|topojson-client|world-atlas)[\\/]/,
            },
            // Everything the sign-in screen needs, in one file: one round trip, nothing more.
            { name: 'first', tags: ['$initial'] },
            // Only screens that check a form need Zod.
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
            {
              name: 'vendor',
              test: /node_modules[\\/](@mantine[\\/](core|hooks)|@floating-ui|react-remove-scroll.*|tabbable|get-nonce|aria-hidden|detect-node-es|use-.*|tslib|react-number-format|react-textarea-autosize)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
