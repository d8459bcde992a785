import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const alias = {
  "@": root,
  // "server-only" throws outside React Server Components; tests call services directly
  "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
};

const integration = ["server/api/**/*.test.ts", "server/services/**/*.test.ts", "db/**/*.test.ts"];
const unitOnlyInDb = ["db/seed/generate.test.ts", "db/lock.test.ts"];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          sequence: { groupOrder: 0 },
          include: ["server/**/*.test.ts", "components/**/*.test.ts", ...unitOnlyInDb],
          exclude: ["server/api/**", "server/services/**", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          sequence: { groupOrder: 1 },
          include: integration,
          exclude: [...unitOnlyInDb, "node_modules/**"],
          environment: "node",
          globalSetup: ["db/test-global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // PGlite instances are ~100 MB each and the machine has 2 cores
          maxWorkers: 2,
        },
      },
    ],
  },
});
