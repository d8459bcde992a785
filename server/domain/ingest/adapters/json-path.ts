/**
 * Simple JSON paths for saved webhook mappings: dotted keys with `[n]` array indexes, optionally
 * led by `$.` — `form_response.answers[0].text`, `$.data.score`. No wildcards, filters or quoted
 * keys: a mapping names one value.
 */

export type PathSegment = string | number;

const KEY = /^[A-Za-z_$][\w$-]*$/;

/**
 * The segments of `path` (`a.b[2].c` → ["a", "b", 2, "c"]), or an error message. Keys start with a
 * letter, "_" or "$" and hold letters, digits, "_", "-" or "$"; indexes are whole numbers ≥ 0 written
 * right after their key (`[0].text` reads a root array).
 */
export function parseJsonPath(path: string): { segments: PathSegment[] } | { error: string } {
  const body = path.trim().replace(/^\$\.?/, "");
  if (body === "") return { error: "The path is empty; write e.g. data.score or answers[0].text." };
  const segments: PathSegment[] = [];
  for (const [position, part] of body.split(".").entries()) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    // an index follows its key directly ("a[1]", not "a.[1]"); only a root array starts with one
    const keyMissing = match?.[1] === "" && (match[2] === "" || position > 0);
    if (!match || keyMissing || (match[1] !== "" && !KEY.test(match[1]!))) {
      return { error: `"${path}" is not a path; write dotted keys with [n] indexes, e.g. data.answers[0].text.` };
    }
    if (match[1]) segments.push(match[1]);
    for (const index of match[2]!.matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return { segments };
}

/** The value at `segments` in `root`, or undefined when any step is missing or of the wrong kind. */
export function readJsonPath(root: unknown, segments: readonly PathSegment[]): unknown {
  let current: unknown = root;
  for (const segment of segments) {
    if (typeof segment === "number") {
      if (!Array.isArray(current)) return undefined;
      current = current[segment];
    } else {
      if (typeof current !== "object" || current === null || Array.isArray(current)) return undefined;
      if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}
