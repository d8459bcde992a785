import { AppError } from "../../errors";

/**
 * Money is an exact decimal string with cents, e.g. "1234.56" or "-0.10" (PostgreSQL numeric(14, 2)
 * as text). Arithmetic runs on BigInt minor units at a fixed scale of 2, never on floats.
 * Results are normalised: "-" only when negative, at least one integer digit, exactly 2 decimals.
 */
export type Money = string;

const SCALE = 2;
const MONEY_PATTERN = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * The amount in cents (minor units). Accepts an optional "-", digits, and an optional fraction whose
 * digits after the second are zeros ("12", "12.5", "12.50", "12.500", "-0.10"). Throws INVALID_INPUT
 * for anything else — a number, "", "1e3", "+1", "1,5", ".5", "12.345" — rather than round silently.
 */
export function parseMoney(amount: string): bigint {
  const match = typeof amount === "string" ? MONEY_PATTERN.exec(amount) : null;
  const fraction = match?.[3] ?? "";
  if (!match || /[1-9]/.test(fraction.slice(SCALE))) {
    throw new AppError(
      "INVALID_INPUT",
      `${JSON.stringify(amount)} is not a money amount; write digits with up to ${SCALE} decimals, e.g. "1234.56" or "-0.10".`,
    );
  }
  const cents = BigInt(match[2] + fraction.slice(0, SCALE).padEnd(SCALE, "0"));
  return match[1] === "-" ? -cents : cents;
}

/** Cents (minor units) as a normalised money string: 5n → "0.05", −1234n → "-12.34". */
export function moneyFromCents(cents: bigint): Money {
  const magnitude = (cents < 0n ? -cents : cents).toString().padStart(SCALE + 1, "0");
  const sign = cents < 0n ? "-" : "";
  return `${sign}${magnitude.slice(0, -SCALE)}.${magnitude.slice(-SCALE)}`;
}

/** Normalises a money string to 2 decimals: "12.5" → "12.50", "-0" → "0.00", "007" → "7.00". */
export function formatMoneyString(amount: string): Money {
  return moneyFromCents(parseMoney(amount));
}

/** a + b, exact. */
export function addMoney(a: string, b: string): Money {
  return moneyFromCents(parseMoney(a) + parseMoney(b));
}

/** a − b, exact. */
export function subtractMoney(a: string, b: string): Money {
  return moneyFromCents(parseMoney(a) - parseMoney(b));
}

/** The exact sum of `amounts`, in any order; an empty list sums to "0.00". */
export function sumMoney(amounts: Iterable<string>): Money {
  let cents = 0n;
  for (const amount of amounts) cents += parseMoney(amount);
  return moneyFromCents(cents);
}

/** −1, 0 or 1 as a < b, a = b, a > b, by value ("1.5" equals "1.50"). Usable as a sort comparator. */
export function compareMoney(a: string, b: string): -1 | 0 | 1 {
  const difference = parseMoney(a) - parseMoney(b);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/**
 * amount × numerator / denominator, rounded to the cent half away from zero (0.005 → 0.01,
 * −0.005 → −0.01; PostgreSQL's round(numeric) rule), so refunds round symmetrically with purchases.
 * The ratio is exact: one rounding at the end. Throws INVALID_INPUT unless both are whole numbers
 * and the denominator is not 0.
 */
export function multiplyMoneyByFraction(
  amount: string,
  numerator: number | bigint,
  denominator: number | bigint,
): Money {
  const num = toBigInt("numerator", numerator);
  const den = toBigInt("denominator", denominator);
  if (den === 0n) throw new AppError("INVALID_INPUT", "Cannot divide money by 0.");
  return moneyFromCents(divideRoundHalfAwayFromZero(parseMoney(amount) * num, den));
}

/**
 * amount / divisor, rounded to the cent half away from zero: "10.00" / 3 → "3.33",
 * "0.05" / 2 → "0.03", "-0.05" / 2 → "-0.03". Throws INVALID_INPUT for a divisor that is 0 or not
 * a whole number (callers turn a zero denominator into a `null` KPI before dividing).
 */
export function divideMoney(amount: string, divisor: number | bigint): Money {
  return multiplyMoneyByFraction(amount, 1n, divisor);
}

/** The amount as a JavaScript number, for chart axes only; never compute with the result. */
export function moneyToNumber(amount: string): number {
  return Number(formatMoneyString(amount));
}

function divideRoundHalfAwayFromZero(dividend: bigint, divisor: bigint): bigint {
  const sign = dividend < 0n !== divisor < 0n ? -1n : 1n;
  const a = dividend < 0n ? -dividend : dividend;
  const b = divisor < 0n ? -divisor : divisor;
  const quotient = a / b;
  return sign * (2n * (a % b) >= b ? quotient + 1n : quotient);
}

function toBigInt(name: string, value: number | bigint): bigint {
  if (typeof value === "bigint") return value;
  if (!Number.isSafeInteger(value)) {
    throw new AppError("INVALID_INPUT", `The ${name} must be a whole number, got ${value}.`);
  }
  return BigInt(value);
}
