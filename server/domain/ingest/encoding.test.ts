import { describe, expect, it } from "vitest";
import { ByteStreamDecoder, detectEncoding, firstInvalidUtf8 } from "./encoding";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("detectEncoding", () => {
  it("recognises UTF-8 with and without a BOM, even cut inside a character", () => {
    expect(detectEncoding(utf8("\uFEFFid,text\n"))).toEqual({ encoding: "utf-8", bom: true });
    expect(detectEncoding(utf8("não é"))).toEqual({ encoding: "utf-8", bom: false });
    expect(detectEncoding(utf8("ok 😀").slice(0, -2))).toEqual({ encoding: "utf-8", bom: false });
  });

  it("suggests Windows-1252 when UTF-8 fails, naming the byte", () => {
    const latin1 = new Uint8Array([0x6e, 0xe3, 0x6f]); // "não" in Latin-1
    expect(detectEncoding(latin1)).toEqual({
      encoding: "windows-1252",
      warning: expect.stringContaining("byte 2 is 0xE3"),
    });
  });

  it("refuses UTF-16", () => {
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0x00]))).toMatchObject({ encoding: null });
  });

  it.each([
    [[0xc0, 0x80], 0], // overlong
    [[0xed, 0xa0, 0x80], 0], // surrogate
    [[0xf4, 0x90, 0x80, 0x80], 0], // > U+10FFFF
    [[0x61, 0xe2, 0x28, 0xa1], 1],
    [[0xe2, 0x82, 0xac], null], // €
  ])("firstInvalidUtf8(%j) = %j", (bytes, expected) => {
    expect(firstInvalidUtf8(new Uint8Array(bytes))).toBe(expected);
  });
});

describe("ByteStreamDecoder", () => {
  it("joins a character split between chunks", () => {
    const bytes = utf8("a😀b");
    const decoder = new ByteStreamDecoder();
    expect(decoder.decode(bytes.slice(0, 3)) + decoder.decode(bytes.slice(3)) + decoder.end()).toBe("a😀b");
  });

  it("throws with the byte offset and a suggestion when UTF-8 fails", () => {
    const decoder = new ByteStreamDecoder();
    decoder.decode(utf8("abc"));
    expect(() => decoder.decode(new Uint8Array([0x64, 0xe9, 0x74]))).toThrow(
      "The file is not valid UTF-8 (at byte 5). Choose the Windows-1252 / Latin-1 encoding",
    );
    const truncated = new ByteStreamDecoder();
    truncated.decode(utf8("😀").slice(0, 2));
    expect(() => truncated.end()).toThrow("at the end of the file");
  });

  it("decodes Windows-1252 / Latin-1", () => {
    const decoder = new ByteStreamDecoder("windows-1252");
    expect(decoder.decode(new Uint8Array([0x6e, 0xe3, 0x6f, 0x20, 0x80, 0x93, 0x94])) + decoder.end()).toBe("não €“”");
  });
});
