import { describe, expect, it } from "vitest";
import { parseDateValue } from "./dates";
import { decodeHtmlEntities, normaliseHeader, parseAmount, parseBoolean, parseScore } from "./values";

describe("decodeHtmlEntities", () => {
  it.each([
    ["guests&#39; faces &amp; they", "guests' faces & they"],
    ["&quot;entertainment&quot; &lt;b&gt;", '"entertainment" <b>'],
    ["&#x1F600; &rsquo;", "😀 \u2019"],
    ["&amp;lt;", "&lt;"],
    ["&bogus; &#xD800; &#99999999;", "&bogus; &#xD800; &#99999999;"],
    ["no entities", "no entities"],
  ])("%j → %j", (input, expected) => {
    expect(decodeHtmlEntities(input)).toBe(expected);
  });
});

describe("parseBoolean, parseScore, parseAmount", () => {
  it.each(["Yes", "y", "TRUE", "1", "t", "Sim"])("%s is true", (text) =>
    expect(parseBoolean(text)).toEqual({ value: true }),
  );
  it.each(["No", "n", "false", "0", "F", "não"])("%s is false", (text) =>
    expect(parseBoolean(text)).toEqual({ value: false }),
  );
  it("refuses other words", () => expect(parseBoolean("maybe")).toHaveProperty("error"));

  it.each([
    ["4", 4],
    [" 10 ", 10],
    ["4.0", 4],
    ["-1", -1],
  ])("score %j → %d", (text, value) => expect(parseScore(text)).toEqual({ value }));
  it.each(["4.5", "four", "", "1e3"])("score %j is an error", (text) =>
    expect(parseScore(text)).toHaveProperty("error"),
  );

  it.each([
    ["89.99", "89.99"],
    ["$1,234.50", "1234.50"],
    ["(12.00)", "-12.00"],
    ["12-", "-12"],
    ["-0", "0"],
    ["BRL 1,000", "1000"],
    ["R$ 5.5", "5.5"],
  ])("amount %j → %j", (text, value) => expect(parseAmount(text)).toEqual({ value }));
  it.each(["12,50", "1.234,50", "abc", "", "1,23,4"])("amount %j is an error", (text) =>
    expect(parseAmount(text)).toHaveProperty("error"),
  );
});

describe("normaliseHeader", () => {
  it.each([
    ["Customer ID", "customer id"],
    ["customer_id", "customer id"],
    ["customerId", "customer id"],
    ["Review Text", "review text"],
    ["  Créé le ", "cree le"],
    ["HTTPStatus", "http status"],
    ["", ""],
  ])("%j → %j", (header, expected) => expect(normaliseHeader(header)).toBe(expected));
});

describe("parseDateValue", () => {
  it.each([
    ["2017-08-30 11:55:08.970352", "iso", "UTC", "2017-08-30T11:55:08.970352Z"],
    ["2017-09-10 03:27:54+00:00", "iso", "America/Sao_Paulo", "2017-09-10T03:27:54Z"],
    ["2015-02-24 11:35:52 -0800", "iso", "UTC", "2015-02-24T19:35:52Z"],
    ["2017-09-21 00:00:00.000000", "iso", "America/Sao_Paulo", "2017-09-21T03:00:00Z"],
    ["2024-07-01", "iso", "Europe/Warsaw", "2024-06-30T22:00:00Z"],
    ["31/12/2024", "dmy", "UTC", "2024-12-31T00:00:00Z"],
    ["31.12.2024 14:05", "dmy", "Europe/Warsaw", "2024-12-31T13:05:00Z"],
    ["12/31/2024 14:05:09", "mdy", "UTC", "2024-12-31T14:05:09Z"],
    ["1735653900", "epoch_seconds", "UTC", "2024-12-31T14:05:00Z"],
    ["1735653900.25", "epoch_seconds", "UTC", "2024-12-31T14:05:00.25Z"],
    ["1735653900123", "epoch_millis", "UTC", "2024-12-31T14:05:00.123Z"],
  ] as const)("%s as %s in %s → %s", (text, format, zone, expected) => {
    expect(parseDateValue(text, format, zone)).toEqual({ value: expected });
  });

  it.each([
    ["31/12/2024", "mdy", "there is no month 31"],
    ["29/02/2023", "dmy", "day 29 does not exist"],
    ["2024-12-31", "dmy", "is not a date like 31/12/2024"],
    ["yesterday", "iso", "is not a date like 2024-12-31"],
    ["2024-03-31 02:30", "iso", "does not exist in Europe/Warsaw"],
  ] as const)("%s as %s → error", (text, format, message) => {
    const result = parseDateValue(text, format, "Europe/Warsaw");
    expect("error" in result && result.error).toContain(message);
  });
});
