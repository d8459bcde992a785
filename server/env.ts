import { z } from "zod";

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined),
  TOUCHPOINT_DATA_DIR: z.string().trim().default(".data/pglite"),
  /** "auto": seed demo data when the database has no workspace; "off": never. */
  TOUCHPOINT_SEED: z.enum(["auto", "off"]).default("auto"),
  /** Multiplies the default demo size (5,000 customers, ~60k orders, ~40k feedback). */
  TOUCHPOINT_DEMO_SCALE: z.coerce.number().positive().max(1000).default(1),
  /** Files uploaded for CSV import; default: "uploads" beside the embedded database's folder. */
  TOUCHPOINT_UPLOAD_DIR: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined),
  /** Largest CSV file an upload accepts, in MB. */
  TOUCHPOINT_UPLOAD_MAX_MB: z.coerce.number().positive().max(1_000_000).default(500),
});

export type Env = z.infer<typeof envSchema>;

/** Parse the environment once; a bad value fails at start with the variable's name. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}
