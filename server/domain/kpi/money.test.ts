import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import {
  addMoney,
  compareMoney,
  divideMoney,
  formatMoneyString,
  moneyFromCents,
  moneyToNumber,
  multiplyMoneyByFraction,
  parseMoney,
  subtractMoney,
  sumMoney,
} from "./money";

describe("parseMoney", () => {
  it.each([
    ["0", 0n],
    ["0.00", 0n],
    ["-0.00", 0n],
    ["12", 1200n],
    ["12.5", 1250n],
    ["12.50", 1250n],
    ["12.500", 1250n],
    ["-0.10", -10n],
    ["1234.56", 123456n],
    ["007.05", 705n],
    ["123456789012.34", 12345678901234n],
    ["99999999999999999999.99", 9999999999999999999999n],
  ])("%s → %s cents", (amount, cents) => {
    expect(parseMoney(amount)).toBe(cents);
  });

  it.each(["", " 1.00", "1.00 ", "+1", "1,50", ".5", "1.", "12.345", "1e3", "--1", "NaN", "0x10", "1.2.3", "١٢"])(
    "rejects %j with INVALID_INPUT",
    (amount) => {
      expect(() => parseMoney(amount)).toThrow(AppError);
      expect(() => parseMoney(amount)).toThrow(/is not a money amount; write digits with up to 2 decimals/);
    },
  );

  it("rejects a float passed where a string is expected", () => {
    expect(() => parseMoney(12.5 as unknown as string)).toThrow("12.5 is not a money amount");
  });
});

describe("moneyFromCents and formatMoneyString", () => {
  it.each([
    [0n, "0.00"],
    [5n, "0.05"],
    [-5n, "-0.05"],
    [100n, "1.00"],
    [-123456n, "-1234.56"],
  ])("%s cents → %s", (cents, amount) => {
    expect(moneyFromCents(cents)).toBe(amount);
  });

  it.each([
    ["12.5", "12.50"],
    ["-0", "0.00"],
    ["007", "7.00"],
    ["-0.1", "-0.10"],
  ])("%s → %s", (input, output) => {
    expect(formatMoneyString(input)).toBe(output);
  });
});

describe("arithmetic", () => {
  it("adds, subtracts and sums without float error", () => {
    expect(addMoney("0.10", "0.20")).toBe("0.30");
    expect(subtractMoney("0.30", "0.10")).toBe("0.20");
    expect(subtractMoney("0.10", "0.30")).toBe("-0.20");
    expect(sumMoney(["0.10", "0.20", "-0.05"])).toBe("0.25");
    expect(sumMoney([])).toBe("0.00");
    expect(sumMoney(new Set(["1", "2.5"]))).toBe("3.50");
  });

  it.each([
    ["1.5", "1.50", 0],
    ["-1", "0", -1],
    ["0.01", "0", 1],
    ["-0.00", "0", 0],
  ] as const)("compareMoney(%s, %s) = %i", (a, b, expected) => {
    expect(compareMoney(a, b)).toBe(expected);
  });

  it("sorts with compareMoney", () => {
    expect(["10", "-1", "2.5", "2.05"].sort(compareMoney)).toEqual(["-1", "2.05", "2.5", "10"]);
  });
});

describe("divideMoney (half away from zero)", () => {
  it.each([
    ["10.00", 3, "3.33"],
    ["20.00", 3, "6.67"],
    ["0.05", 2, "0.03"],
    ["-0.05", 2, "-0.03"],
    ["0.15", 2, "0.08"],
    ["0.25", 2, "0.13"],
    ["0.01", 3, "0.00"],
    ["100", 1, "100.00"],
    ["1.00", -4, "-0.25"],
    ["5.00", 2n, "2.50"],
  ] as const)("%s / %s → %s", (amount, divisor, expected) => {
    expect(divideMoney(amount, divisor)).toBe(expected);
  });

  it.each([0, 0n, 1.5, Number.NaN])("rejects a divisor of %s", (divisor) => {
    expect(() => divideMoney("1.00", divisor)).toThrow(AppError);
  });

  it("multiplies by an exact fraction with one rounding", () => {
    expect(multiplyMoneyByFraction("1000.00", 3, 20)).toBe("150.00");
    expect(multiplyMoneyByFraction("0.10", 1, 3)).toBe("0.03");
    expect(multiplyMoneyByFraction("0.10", 5, 3)).toBe("0.17");
  });
});

describe("moneyToNumber", () => {
  it("gives a number for charts", () => {
    expect(moneyToNumber("-1234.5")).toBe(-1234.5);
  });
});

/** Amounts written the ways PostgreSQL and users write them, with their value in cents as oracle. */
const amount = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 99 }), fc.nat({ max: 2 }))
  .map(([negative, major, minor, style]) => {
    const cents = (negative ? -1n : 1n) * (major * 100n + BigInt(minor));
    const twoDigits = String(minor).padStart(2, "0");
    const fraction =
      style === 0 ? `.${twoDigits}` : style === 1 ? `.${twoDigits}0` : minor === 0 ? "" : `.${twoDigits}`;
    return { text: `${negative ? "-" : ""}${major}${fraction}`, cents };
  });

function oracleFormat(cents: bigint): string {
  const magnitude = cents < 0n ? -cents : cents;
  return `${cents < 0n ? "-" : ""}${magnitude / 100n}.${String(magnitude % 100n).padStart(2, "0")}`;
}

describe("money properties", () => {
  it("parses every well-formed amount to its exact cents", () => {
    fc.assert(fc.property(amount, ({ text, cents }) => parseMoney(text) === cents));
  });

  it("sums exactly, whatever the amounts and their order", () => {
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 50 }), (list) => {
        const expected = oracleFormat(list.reduce((total, { cents }) => total + cents, 0n));
        expect(sumMoney(list.map(({ text }) => text))).toBe(expected);
        expect(sumMoney(list.map(({ text }) => text).reverse())).toBe(expected);
      }),
    );
  });

  it("adds commutatively and associatively, and subtraction undoes addition", () => {
    fc.assert(
      fc.property(amount, amount, amount, (a, b, c) => {
        expect(addMoney(a.text, b.text)).toBe(addMoney(b.text, a.text));
        expect(addMoney(addMoney(a.text, b.text), c.text)).toBe(addMoney(a.text, addMoney(b.text, c.text)));
        expect(subtractMoney(addMoney(a.text, b.text), b.text)).toBe(formatMoneyString(a.text));
        expect(compareMoney(a.text, b.text)).toBe(a.cents < b.cents ? -1 : a.cents > b.cents ? 1 : 0);
      }),
    );
  });

  it("divides to the nearest cent, ties away from zero", () => {
    fc.assert(
      fc.property(amount, fc.integer({ min: 1, max: 10_000 }), ({ text, cents }, divisor) => {
        const n = BigInt(divisor);
        const magnitude = cents < 0n ? -cents : cents;
        const rounded = (2n * magnitude + n) / (2n * n);
        expect(divideMoney(text, divisor)).toBe(oracleFormat(cents < 0n ? -rounded : rounded));
      }),
    );
  });
});
