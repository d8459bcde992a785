import { parseArgs } from "node:util";

export const SEED_USAGE = `Usage: npm run seed -- [options]

Fills the database (PGlite data folder, or PostgreSQL when DATABASE_URL is set) with the demo.

  --customers N   total customers across the demo workspaces (default 5,000 × scale)
  --orders N      total orders (default 60,000 × scale)
  --feedback N    total feedback items (default 40,000 × scale)
  --scale X       multiplies the default sizes (default TOUCHPOINT_DEMO_SCALE, else 1)
  --seed N        random seed; the same seed and --now give the same data (default 42)
  --now DATE      end of the 24-month history, YYYY-MM-DD (default today, UTC)
  --batch-size N  rows per table per transaction (default 20,000)
  --reset         empty every table first (TRUNCATE … RESTART IDENTITY CASCADE)
  --if-empty      exit quietly when the database already has workspaces
  -h, --help      show this help`;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export interface SeedCliOptions {
  help: boolean;
  reset: boolean;
  ifEmpty: boolean;
  customers?: number;
  orders?: number;
  feedback?: number;
  scale?: number;
  seed?: number;
  now?: Date;
  batchSize?: number;
}

/** A whole number, allowing `_` or `,` as thousands separators ("1_000_000"). */
export function parseCount(flag: string, value: string | undefined, { min = 0 } = {}): number | undefined {
  if (value === undefined) return undefined;
  const digits = value.replaceAll("_", "").replaceAll(",", "");
  if (!/^\d+$/.test(digits) || Number(digits) < min || !Number.isSafeInteger(Number(digits))) {
    throw new UsageError(`--${flag} expects a whole number${min > 0 ? ` ≥ ${min}` : ""} (got "${value}")`);
  }
  return Number(digits);
}

function parseSeed(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`--seed expects an integer (got "${value}")`);
  }
  return Number(value);
}

export function parseScale(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const scale = Number(value);
  if (value.trim() === "" || !Number.isFinite(scale) || scale <= 0 || scale > 1000) {
    throw new UsageError(`--scale expects a number > 0 and ≤ 1000 (got "${value}")`);
  }
  return scale;
}

function parseDay(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`--now expects a date as YYYY-MM-DD (got "${value}")`);
  }
  return date;
}

/** Parse `npm run seed` flags; throws UsageError with a readable message on anything unexpected. */
export function parseSeedArgs(argv: readonly string[]): SeedCliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        customers: { type: "string" },
        orders: { type: "string" },
        feedback: { type: "string" },
        scale: { type: "string" },
        seed: { type: "string" },
        now: { type: "string" },
        "batch-size": { type: "string" },
        reset: { type: "boolean", default: false },
        "if-empty": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  if (values.reset && values["if-empty"]) {
    throw new UsageError("--reset and --if-empty contradict each other; pass one of them");
  }
  return {
    help: values.help ?? false,
    reset: values.reset ?? false,
    ifEmpty: values["if-empty"] ?? false,
    customers: parseCount("customers", values.customers),
    orders: parseCount("orders", values.orders),
    feedback: parseCount("feedback", values.feedback),
    scale: parseScale(values.scale),
    seed: parseSeed(values.seed),
    now: parseDay(values.now),
    batchSize: parseCount("batch-size", values["batch-size"], { min: 1 }),
  };
}
