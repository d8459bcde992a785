import { defineConfig } from "drizzle-kit";

// Migrations are generated from db/schema and committed; they run at app start, in tests and in e2e.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
