import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, contentHashId, sha256Hex } from "./content-hash";

const webCryptoHex = async (bytes: Uint8Array) =>
  Buffer.from(await globalThis.crypto.subtle.digest("SHA-256", new Uint8Array(bytes))).toString("hex");

describe("sha256Hex", () => {
  it("matches the FIPS 180-4 examples", () => {
    const utf8 = (text: string) => new TextEncoder().encode(text);
    expect(sha256Hex(utf8(""))).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex(utf8("abc"))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex(utf8("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
  });

  it("agrees with Web Crypto on any input, across block boundaries", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        expect(sha256Hex(bytes)).toBe(await webCryptoHex(bytes));
      }),
      { numRuns: 200 },
    );
  });
});

describe("contentHashId", () => {
  it("ignores key order and the external id, and separates entities", () => {
    const a = contentHashId("feedback", { text: "x", score: 4, externalId: "pending" });
    expect(a).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(contentHashId("feedback", { score: 4, text: "x" })).toBe(a);
    expect(contentHashId("feedback", { score: 5, text: "x" })).not.toBe(a);
    expect(contentHashId("order", { score: 4, text: "x" })).not.toBe(a);
    expect(canonicalJson({ b: [1, { d: null, c: "é" }], a: undefined })).toBe('{"b":[1,{"c":"é","d":null}]}');
  });
});
