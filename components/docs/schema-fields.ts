import { refName, type JsonSchema } from "./openapi-model";

/**
 * A JSON Schema object's properties as rows of a table a person reads: the type in words
 * ("string | null", "integer", "array of Item"), required or not, and the rules (allowed values,
 * default, lengths, range, pattern, format). Pure; the page translates the rules.
 */

export type FieldRule =
  | { kind: "enum"; values: string[] }
  | { kind: "default"; value: string }
  | { kind: "maxLength"; max: number }
  | { kind: "length"; min: number; max: number }
  | { kind: "range"; min: number; max: number }
  | { kind: "pattern"; pattern: string }
  | { kind: "format"; format: string };

export interface FieldRow {
  name: string;
  type: string;
  required: boolean;
  rules: FieldRule[];
  description: string | null;
}

function branchesOf(schema: JsonSchema): JsonSchema[] {
  const list = schema.anyOf ?? schema.oneOf;
  return Array.isArray(list) ? (list as JsonSchema[]) : [schema];
}

/** The type of `schema` in words: `$ref`s by name, arrays as "array of …", unions joined with " | ". */
export function typeText(schema: JsonSchema): string {
  const names = branchesOf(schema).flatMap((branch): string[] => {
    const ref = refName(branch);
    if (ref) return [ref];
    if (branch.type === "array") return [`array of ${typeText((branch.items ?? {}) as JsonSchema)}`];
    if (Array.isArray(branch.type)) return branch.type.map(String);
    if (typeof branch.type === "string") return [branch.type];
    return branch.enum ? ["string"] : ["any"];
  });
  return [...new Set(names)].join(" | ");
}

/** The rules of `schema` and of its non-null branches, in a fixed order. */
export function rulesOf(schema: JsonSchema): FieldRule[] {
  const parts = [schema, ...branchesOf(schema).filter((branch) => branch !== schema)];
  const pick = <T>(key: string, is: (value: unknown) => value is T): T | undefined =>
    parts.map((part) => part[key]).find((value): value is T => is(value));
  const isNumber = (value: unknown): value is number => typeof value === "number";
  const isString = (value: unknown): value is string => typeof value === "string";
  const isArray = (value: unknown): value is unknown[] => Array.isArray(value);

  const rules: FieldRule[] = [];
  const values = pick("enum", isArray);
  if (values) rules.push({ kind: "enum", values: values.map(String) });
  if (schema.default !== undefined) rules.push({ kind: "default", value: JSON.stringify(schema.default) });
  const minLength = pick("minLength", isNumber);
  const maxLength = pick("maxLength", isNumber);
  if (maxLength !== undefined) {
    rules.push(minLength ? { kind: "length", min: minLength, max: maxLength } : { kind: "maxLength", max: maxLength });
  }
  const minimum = pick("minimum", isNumber);
  const maximum = pick("maximum", isNumber);
  if (minimum !== undefined && maximum !== undefined) rules.push({ kind: "range", min: minimum, max: maximum });
  const pattern = pick("pattern", isString);
  if (pattern) rules.push({ kind: "pattern", pattern });
  const format = pick("format", isString);
  if (format) rules.push({ kind: "format", format });
  return rules;
}

/**
 * One row per property of an object schema, in the schema's order, followed by the properties of
 * nested objects and of arrays of objects (`error.code`, `items[].status`).
 */
export function fieldRows(schema: JsonSchema, prefix = ""): FieldRow[] {
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  return Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>).flatMap(([name, property]) => {
    const row: FieldRow = {
      name: `${prefix}${name}`,
      type: typeText(property),
      required: required.has(name),
      rules: rulesOf(property),
      description: typeof property.description === "string" ? property.description : null,
    };
    const items = (property.items ?? {}) as JsonSchema;
    const nested =
      property.type === "object"
        ? fieldRows(property, `${row.name}.`)
        : property.type === "array" && items.type === "object"
          ? fieldRows(items, `${row.name}[].`)
          : [];
    return [row, ...nested];
  });
}
