import { AppError } from "../../errors";

/**
 * The encodings an import accepts. "windows-1252" also serves files called Latin-1 / ISO-8859-1:
 * the WHATWG Encoding Standard (TextDecoder in Node and browsers) decodes those labels as
 * windows-1252, a superset for printable text (it adds € “ ” – … in 0x80–0x9F).
 */
export const IMPORT_ENCODINGS = ["utf-8", "windows-1252"] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

export type EncodingGuess =
  | { encoding: "utf-8"; bom: boolean }
  | { encoding: "windows-1252"; warning: string }
  | { encoding: null; error: string };

/**
 * Guesses the encoding from the first bytes of a file (a sample of any length; a multi-byte
 * character cut at its end is not an error): a UTF-8 BOM or valid UTF-8 → utf-8; UTF-16 BOMs →
 * an error asking for UTF-8; bytes that are not UTF-8 → windows-1252 with a warning saying where
 * UTF-8 failed, for the user to confirm (valid UTF-8 is almost never accidental, the reverse guess
 * is only a guess).
 */
export function detectEncoding(sample: Uint8Array): EncodingGuess {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: "utf-8", bom: true };
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) {
    return { encoding: null, error: "The file is UTF-16; save it as CSV UTF-8 and upload it again." };
  }
  const offset = firstInvalidUtf8(sample);
  if (offset === null) return { encoding: "utf-8", bom: false };
  return {
    encoding: "windows-1252",
    warning: `The file is not UTF-8 (byte ${offset + 1} is 0x${sample[offset]!.toString(16).toUpperCase().padStart(2, "0")}); it looks like Windows-1252 / Latin-1. Check accented letters in the preview before importing.`,
  };
}

/** Offset of the first byte that makes `bytes` invalid UTF-8, or null (an incomplete final character is allowed). */
export function firstInvalidUtf8(bytes: Uint8Array): number | null {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length) return null;
      const next = bytes[i + k]!;
      // second-byte limits exclude overlongs (E0, F0), surrogates (ED) and > U+10FFFF (F4)
      const low = k === 1 && b === 0xe0 ? 0xa0 : k === 1 && b === 0xf0 ? 0x90 : 0x80;
      const high = k === 1 && b === 0xed ? 0x9f : k === 1 && b === 0xf4 ? 0x8f : 0xbf;
      if (next < low || next > high) return i;
    }
    i += need + 1;
  }
  return null;
}

/**
 * Decodes a byte stream chunk by chunk (a character split between chunks is joined). UTF-8 is
 * decoded fatally: invalid bytes throw INVALID_INPUT naming the byte offset and suggesting
 * Windows-1252 / Latin-1, instead of silently becoming U+FFFD. A UTF-8 BOM is kept in the text
 * for the CSV parser to drop.
 */
export class ByteStreamDecoder {
  private readonly decoder: TextDecoder;
  private offset = 0;

  constructor(readonly encoding: ImportEncoding = "utf-8") {
    this.decoder = new TextDecoder(encoding, { fatal: encoding === "utf-8", ignoreBOM: true });
  }

  /** The text of `chunk`, holding back an incomplete final character until the next call. */
  decode(chunk: Uint8Array): string {
    const text = this.run(() => this.decoder.decode(chunk, { stream: true }), chunk, false);
    this.offset += chunk.length;
    return text;
  }

  /** Flushes the decoder; throws when the stream ended inside a UTF-8 character. */
  end(): string {
    return this.run(() => this.decoder.decode(), new Uint8Array(), true);
  }

  private run(decode: () => string, chunk: Uint8Array, atEnd: boolean): string {
    try {
      return decode();
    } catch {
      const at = firstInvalidUtf8(chunk);
      // null within a chunk: the bad sequence began in the previous chunk's last bytes
      const where = atEnd ? "at the end of the file" : `at byte ${this.offset + (at ?? 0) + 1}`;
      throw new AppError(
        "INVALID_INPUT",
        `The file is not valid UTF-8 (${where}). Choose the Windows-1252 / Latin-1 encoding, or save the file as CSV UTF-8.`,
      );
    }
  }
}
