import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { formatNumber, type Translate } from "@/server/i18n/core";
import { curlFor, exampleOf } from "./curl-examples";
import { DocsCodeBlock } from "./docs-code-block";
import { DocsFieldTable } from "./docs-field-table";
import { DocsText } from "./docs-text";
import type { DocModel, DocOperation } from "./openapi-model";
import { fieldRows, typeText } from "./schema-fields";

/** The anchor of an operation on the page. */
export function operationAnchor(operation: DocOperation): string {
  return `op-${operation.id}`;
}

interface DocsOperationProps {
  operation: DocOperation;
  model: DocModel;
  origin: string;
  t: Translate;
  locale: string;
}

/** One operation: method and path, what it does, auth, parameters, body fields, responses, a curl example. */
export function DocsOperation({ operation, model, origin, t, locale }: DocsOperationProps) {
  const bodySchema = operation.body?.schemaName ? model.schemas[operation.body.schemaName] : undefined;
  const heading = `${operation.method} ${operation.path}`;
  return (
    <Card id={operationAnchor(operation)} className="scroll-mt-4">
      <CardHeader className="gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone="primary" className="font-mono">
            {operation.method}
          </Badge>
          <h3 dir="ltr" className="font-mono text-sm font-semibold">
            {operation.path}
          </h3>
        </div>
        <p className="text-base font-medium">{operation.summary}</p>
        {operation.description && (
          <p className="text-sm text-muted-foreground">
            <DocsText text={operation.description} />
          </p>
        )}
      </CardHeader>
      <CardContent className="grid gap-5">
        <section className="grid gap-1 text-sm">
          <h4 className="font-medium">{t("apiDocs.authTitle")}</h4>
          {operation.auth.length === 0 ? (
            <p>{t("apiDocs.authNone")}</p>
          ) : (
            operation.auth.map((auth) => (
              <p key={auth.scheme}>
                {t("apiDocs.authBearer", { description: auth.description ?? auth.scheme })}{" "}
                {auth.bearerFormat && (
                  <span className="font-mono text-xs" dir="ltr">
                    {t("apiDocs.authBearerFormat", { format: auth.bearerFormat })}
                  </span>
                )}
              </p>
            ))
          )}
        </section>
        {operation.parameters.length > 0 && (
          <section className="grid gap-2">
            <h4 className="text-sm font-medium">{t("apiDocs.parameters")}</h4>
            <ul className="grid gap-2 text-sm">
              {operation.parameters.map((parameter) => (
                <li key={`${parameter.in}-${parameter.name}`} className="grid gap-0.5">
                  <span className="flex flex-wrap items-center gap-2">
                    <code dir="ltr" className="font-mono text-xs font-semibold">
                      {parameter.name}
                    </code>
                    <span className="text-xs text-muted-foreground">
                      {t("apiDocs.paramIn", { location: parameter.in })} · {typeText(parameter.schema)} ·{" "}
                      {parameter.required ? t("apiDocs.required") : t("apiDocs.optional")}
                    </span>
                  </span>
                  {parameter.description && (
                    <span className="text-muted-foreground">
                      <DocsText text={parameter.description} />
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}
        {operation.body && (
          <section className="grid gap-2">
            <h4 className="text-sm font-medium">{t("apiDocs.requestBody")}</h4>
            {operation.body.description && (
              <p className="text-sm text-muted-foreground">{operation.body.description}</p>
            )}
            {operation.body.batchMax && (
              <p className="text-sm">
                {t("apiDocs.oneOrBatch", {
                  min: formatNumber(locale, 1),
                  max: formatNumber(locale, operation.body.batchMax),
                })}
              </p>
            )}
            {bodySchema && operation.body.schemaName && (
              <DocsFieldTable
                label={t("apiDocs.schemaTitle", { name: operation.body.schemaName })}
                rows={fieldRows(bodySchema)}
                t={t}
                locale={locale}
              />
            )}
          </section>
        )}
        <section className="grid gap-2">
          <h4 className="text-sm font-medium">{t("apiDocs.responses")}</h4>
          <div className="overflow-x-auto">
            <table className="w-full text-sm" aria-label={t("apiDocs.responses")}>
              <thead className="text-muted-foreground">
                <tr>
                  <th scope="col" className="w-16 py-2 pe-4 text-start font-medium">
                    {t("apiDocs.colStatus")}
                  </th>
                  <th scope="col" className="py-2 pe-4 text-start font-medium">
                    {t("apiDocs.colDescription")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {operation.responses.map((response) => (
                  <tr key={response.status} className="border-t align-top">
                    <th scope="row" className="py-2 pe-4 text-start font-mono text-xs font-semibold">
                      {response.status}
                    </th>
                    <td className="grid gap-1 py-2">
                      <span>
                        <DocsText text={response.description} />
                      </span>
                      {response.headers.map((header) => (
                        <span key={header.name} className="text-xs text-muted-foreground">
                          <code dir="ltr" className="font-mono">
                            {header.name}
                          </code>
                          {header.description && `: ${header.description}`}
                        </span>
                      ))}
                      {response.schemaName && (
                        <span className="text-xs text-muted-foreground">
                          {t("apiDocs.returns", { schema: response.schemaName })}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        {operation.webhookTools.length === 0 && (
          <DocsCodeBlock
            title={t("apiDocs.curlTitle")}
            code={curlFor(operation, origin, bodySchema ? exampleOf(bodySchema) : null)}
            copyWhat={t("apiDocs.curlCopy", { operation: heading })}
          />
        )}
      </CardContent>
    </Card>
  );
}
