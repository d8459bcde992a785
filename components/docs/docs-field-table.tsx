import { formatNumber, type Translate } from "@/server/i18n/core";
import { DocsText } from "./docs-text";
import type { FieldRow, FieldRule } from "./schema-fields";

function ruleText(rule: FieldRule, t: Translate, locale: string): string {
  const n = (value: number) => formatNumber(locale, value);
  switch (rule.kind) {
    case "enum":
      return t("apiDocs.oneOf", { values: rule.values.join(", ") });
    case "default":
      return t("apiDocs.defaultValue", { value: rule.value });
    case "maxLength":
      return t("apiDocs.maxLength", { max: n(rule.max) });
    case "length":
      return t("apiDocs.lengthRange", { min: n(rule.min), max: n(rule.max) });
    case "range":
      return t("apiDocs.range", { min: n(rule.min), max: n(rule.max) });
    case "pattern":
      return t("apiDocs.pattern", { pattern: rule.pattern });
    case "format":
      return t("apiDocs.format", { format: rule.format });
  }
}

/** A schema's fields: name, type, required, rules and description, one row each. */
interface DocsFieldTableProps {
  label: string;
  rows: FieldRow[];
  t: Translate;
  locale: string;
}

export function DocsFieldTable({ label, rows, t, locale }: DocsFieldTableProps) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" aria-label={label}>
        <thead className="text-muted-foreground">
          <tr>
            {(["colField", "colType", "colRequired", "colRules", "colDescription"] as const).map((col) => (
              <th key={col} scope="col" className="whitespace-nowrap py-2 pe-4 text-start font-medium">
                {t(`apiDocs.${col}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name} className="border-t align-top">
              <th
                scope="row"
                dir="ltr"
                className="whitespace-nowrap py-2 pe-4 text-start font-mono text-xs font-medium"
              >
                {row.name}
              </th>
              <td dir="ltr" className="whitespace-nowrap py-2 pe-4 font-mono text-xs">
                {row.type}
              </td>
              <td className="py-2 pe-4">{row.required ? t("apiDocs.required") : t("apiDocs.optional")}</td>
              <td className="min-w-48 py-2 pe-4">
                <ul className="grid gap-0.5">
                  {row.rules.map((rule) => (
                    <li key={rule.kind} className={rule.kind === "pattern" ? "break-all" : undefined}>
                      {ruleText(rule, t, locale)}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="min-w-64 py-2 text-muted-foreground">
                {row.description && <DocsText text={row.description} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
