/**
 * Reads CSV text (RFC 4180) into rows of fields: fields separated by commas, records by CRLF, LF
 * or CR; a field in double quotes may hold commas, line breaks and doubled quotes (`""` → `"`).
 * A leading byte-order mark is dropped, a final line break does not make an empty record, and an
 * empty line is a record with one empty field. Text after a closing quote is kept as written
 * (lenient, like spreadsheets); an unclosed quote runs to the end of the input.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let started = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    started = true;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field === "") {
      quoted = true;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      started = false;
      if (c === "\r" && text[i + 1] === "\n") i++;
    } else {
      field += c;
    }
    i++;
  }
  if (started) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * CSV text as objects keyed by the header row's names (an unnamed header cell is keyed ""), one
 * per following record; missing trailing fields are "".
 */
export function parseCsvRecords(text: string): Array<Record<string, string>> {
  const [header, ...records] = parseCsv(text);
  if (!header) return [];
  return records.map((fields) => {
    const record: Record<string, string> = {};
    header.forEach((name, index) => {
      record[name] = fields[index] ?? "";
    });
    return record;
  });
}
