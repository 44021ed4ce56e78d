/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// Tauri expects a fixed dev port and relative asset paths in the bundle.
export default defineConfig({
  plugins: [svelte()],
  base: "./",
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    // The "Aide" screen imports the user's guide from docs/guide (outside ui/): the dev server
    // may serve it too ("." keeps the default, the front end itself).
    fs: {
      allow: [".", "../docs/guide"],
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2021",
  },
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
  },
});
