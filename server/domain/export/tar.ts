/**
 * The POSIX ustar format (POSIX.1-1988, as `tar` writes and reads it everywhere), written and read
 * as a stream: a 512-byte header per file, the file's bytes padded to a multiple of 512, and two
 * zero blocks at the end. Only regular files, with ASCII names of at most 100 bytes; the reader
 * also skips directory entries and honours the `path` of a pax extended header, so an archive
 * unpacked and packed again with GNU or BSD tar still reads.
 */

export const TAR_BLOCK = 512;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The header of one regular file of `size` bytes, modified at `mtime`. */
export function tarHeader(name: string, size: number, mtime: Date): Uint8Array {
  if (!/^[\x21-\x7e][\x20-\x7e]{0,99}$/.test(name)) {
    throw new Error(`A tar entry name is 1–100 printable ASCII characters; got ${JSON.stringify(name)}.`);
  }
  if (!Number.isSafeInteger(size) || size < 0 || size > 0o77777777777) {
    throw new Error(`A tar entry holds 0 to 8 GiB; got ${size} bytes.`);
  }
  const header = new Uint8Array(TAR_BLOCK);
  const put = (offset: number, text: string) => header.set(encoder.encode(text), offset);
  const octal = (value: number, width: number) => `${value.toString(8).padStart(width - 1, "0")}\0`;
  put(0, name);
  put(100, octal(0o644, 8));
  put(108, octal(0, 8));
  put(116, octal(0, 8));
  put(124, octal(size, 12));
  put(136, octal(Math.max(0, Math.floor(mtime.getTime() / 1000)), 12));
  put(148, "        ");
  put(156, "0");
  put(257, "ustar\0");
  put(263, "00");
  put(265, "touchpoint");
  put(297, "touchpoint");
  put(148, `${checksum(header).toString(8).padStart(6, "0")}\0 `);
  return header;
}

/** Zero bytes that bring a file of `size` bytes to a whole number of blocks. */
export function tarPadding(size: number): Uint8Array {
  return new Uint8Array((TAR_BLOCK - (size % TAR_BLOCK)) % TAR_BLOCK);
}

/** The end of an archive: two zero blocks. */
export const tarEnd = (): Uint8Array => new Uint8Array(2 * TAR_BLOCK);

/** One whole file of an archive: header, bytes and padding. */
export function tarEntry(name: string, data: Uint8Array, mtime: Date): Uint8Array[] {
  return [tarHeader(name, data.byteLength, mtime), data, tarPadding(data.byteLength)];
}

/** The sum of a header's bytes with its checksum field read as spaces. */
function checksum(header: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < TAR_BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
  return sum;
}

/** Why bytes cannot be read as the archive the reader expects; the message says what is wrong. */
export class TarFormatError extends Error {
  override name = "TarFormatError";
}

/** Bytes taken from a stream of chunks exactly `n` at a time. */
class ByteQueue {
  private chunks: Uint8Array[] = [];
  private length = 0;
  constructor(private readonly source: AsyncIterator<Uint8Array>) {}

  /** The next `n` bytes, or null when the stream ends first. */
  async take(n: number): Promise<Uint8Array | null> {
    while (this.length < n) {
      const next = await this.source.next();
      if (next.done) return null;
      this.chunks.push(next.value);
      this.length += next.value.byteLength;
    }
    const out = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      const chunk = this.chunks[0]!;
      const used = Math.min(chunk.byteLength, n - filled);
      out.set(chunk.subarray(0, used), filled);
      filled += used;
      if (used === chunk.byteLength) this.chunks.shift();
      else this.chunks[0] = chunk.subarray(used);
    }
    this.length -= n;
    return out;
  }
}

const field = (header: Uint8Array, offset: number, width: number) =>
  decoder.decode(header.subarray(offset, offset + width)).replace(/\0.*$/s, "");

function readOctal(header: Uint8Array, offset: number, width: number, what: string): number {
  const text = field(header, offset, width).trim();
  if (!/^[0-7]+$/.test(text))
    throw new TarFormatError(`This is not a tar archive: a header's ${what} is not a number.`);
  return parseInt(text, 8);
}

/** The `path` record of a pax extended header ("<length> path=<name>\n"), if it has one. */
function paxPath(data: Uint8Array): string | undefined {
  for (const record of decoder.decode(data).split("\n")) {
    const match = /^\d+ path=(.*)$/s.exec(record);
    if (match) return match[1];
  }
  return undefined;
}

export interface TarFile {
  name: string;
  data: Uint8Array;
}

/**
 * The regular files of a tar stream, in order, each read whole: `maxFileBytes` bounds the memory
 * (a larger file is refused rather than buffered). Throws TarFormatError on a damaged header, a
 * file type other than a regular file, a directory or a pax header, or a stream that ends early.
 */
export async function* readTar(source: AsyncIterable<Uint8Array>, maxFileBytes: number): AsyncGenerator<TarFile> {
  const queue = new ByteQueue(source[Symbol.asyncIterator]());
  let longName: string | undefined;
  for (;;) {
    const header = await queue.take(TAR_BLOCK);
    if (!header) throw new TarFormatError("The archive ends in the middle: it was cut short (download it again).");
    if (header.every((byte) => byte === 0)) return;
    if (readOctal(header, 148, 8, "checksum") !== checksum(header)) {
      throw new TarFormatError("This is not a tar archive, or it is damaged: a header's checksum does not match.");
    }
    const size = readOctal(header, 124, 12, "size");
    const type = String.fromCharCode(header[156]!);
    const prefix = field(header, 257, 6) === "ustar" ? field(header, 345, 155) : "";
    const name = longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    if (size > maxFileBytes && type !== "5") {
      throw new TarFormatError(
        `The archive's file ${name} holds ${size} bytes; at most ${maxFileBytes} are read at once. Was it made by Touchpoint?`,
      );
    }
    const data = await queue.take(size + tarPadding(size).byteLength);
    if (!data)
      throw new TarFormatError(`The archive ends in the middle of ${name}: it was cut short (download it again).`);
    const content = data.subarray(0, size);
    if (type === "x") {
      longName = paxPath(content);
      continue;
    }
    longName = undefined;
    if (type === "g" || type === "5") continue;
    if (type !== "0" && type !== "\0") {
      throw new TarFormatError(`The archive's entry ${name} is not a regular file (type ${JSON.stringify(type)}).`);
    }
    yield { name, data: content };
  }
}
