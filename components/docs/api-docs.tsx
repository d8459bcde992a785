import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { Translate } from "@/server/i18n/core";
import { DocsFieldTable } from "./docs-field-table";
import { DocsOperation, operationAnchor } from "./docs-operation";
import { DocsText } from "./docs-text";
import { DocsWebhookTools } from "./docs-webhook-tools";
import type { DocModel } from "./openapi-model";
import { fieldRows } from "./schema-fields";

interface ApiDocsProps {
  model: DocModel;
  /** Where this page was requested, so examples use this server's address. */
  origin: string;
  t: Translate;
  locale: string;
}

/**
 * The REST API's documentation, rendered on the server from the OpenAPI document: the conventions
 * every call shares (auth, Idempotency-Key, rate limits, errors), each operation, and the webhook
 * tools with signed examples.
 */
export function ApiDocs({ model, origin, t, locale }: ApiDocsProps) {
  const parameters = model.operations.flatMap((operation) => operation.parameters);
  const idempotency = parameters.find((parameter) => parameter.name === "Idempotency-Key");
  const retryAfter = model.operations
    .flatMap((operation) => operation.responses)
    .flatMap((response) => response.headers)
    .find((header) => header.name === "Retry-After");
  const bearer = model.operations.flatMap((operation) => operation.auth).find((auth) => auth.scheme === "bearer");
  const webhookTools = model.operations.flatMap((operation) => operation.webhookTools);
  const errorSchema = model.schemas.Error;

  return (
    <div className="grid max-w-6xl gap-6">
      <PageHeader title={t("apiDocs.title")} description={t("apiDocs.intro")}>
        <div className="flex flex-wrap items-center gap-4 text-sm">
          <a href="/api/v1/openapi.json" className="font-medium text-primary underline-offset-4 hover:underline">
            {t("apiDocs.openApiLink")}
          </a>
          <Link href="/settings/integrations" className="font-medium text-primary underline-offset-4 hover:underline">
            {t("apiDocs.integrationsLink")}
          </Link>
        </div>
      </PageHeader>
      <p className="-mt-4 text-sm text-muted-foreground">
        <span className="font-medium text-foreground">{model.title}</span> ·{" "}
        {t("apiDocs.version", { version: model.version })}
        {model.description && ` · ${model.description}`}
      </p>
      <nav aria-label={t("apiDocs.contents")} className="rounded-xl border bg-card p-4 text-sm">
        <h2 className="mb-2 font-medium">{t("apiDocs.contents")}</h2>
        <ol className="grid gap-1 sm:grid-cols-2">
          <li>
            <a href="#conventions" className="text-primary underline-offset-4 hover:underline">
              {t("apiDocs.conventionsTitle")}
            </a>
          </li>
          {model.operations.map((operation) => (
            <li key={operation.id}>
              <a href={`#${operationAnchor(operation)}`} className="text-primary underline-offset-4 hover:underline">
                <span dir="ltr" className="font-mono text-xs">
                  {operation.method} {operation.path}
                </span>{" "}
                — {operation.summary}
              </a>
            </li>
          ))}
          {webhookTools.length > 0 && (
            <li>
              <a href="#webhook-tools" className="text-primary underline-offset-4 hover:underline">
                {t("apiDocs.webhooksTitle")}
              </a>
            </li>
          )}
        </ol>
      </nav>

      <Card id="conventions" className="scroll-mt-4">
        <CardHeader>
          <CardTitle className="text-lg text-foreground">{t("apiDocs.conventionsTitle")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-5 text-sm">
          {bearer && (
            <section className="grid gap-1">
              <h3 className="font-medium">{t("apiDocs.authTitle")}</h3>
              <p>
                {t("apiDocs.authBearer", { description: bearer.description ?? bearer.scheme })}{" "}
                {bearer.bearerFormat && (
                  <code dir="ltr" className="font-mono text-xs">
                    {t("apiDocs.authBearerFormat", { format: bearer.bearerFormat })}
                  </code>
                )}
              </p>
            </section>
          )}
          {idempotency?.description && (
            <section className="grid gap-1">
              <h3 className="font-medium">{t("apiDocs.idempotencyTitle")}</h3>
              <p>
                <DocsText text={idempotency.description} />
              </p>
            </section>
          )}
          <section className="grid gap-1">
            <h3 className="font-medium">{t("apiDocs.rateLimitTitle")}</h3>
            <p>{t("apiDocs.rateLimitBody")}</p>
            {retryAfter?.description && (
              <p className="text-muted-foreground">
                <code dir="ltr" className="font-mono text-xs">
                  Retry-After
                </code>
                : {retryAfter.description}
              </p>
            )}
          </section>
          {errorSchema && (
            <section className="grid gap-2">
              <h3 className="font-medium">{t("apiDocs.errorFormatTitle")}</h3>
              <p>{t("apiDocs.errorFormatBody")}</p>
              <DocsFieldTable
                label={t("apiDocs.schemaTitle", { name: "Error" })}
                rows={fieldRows(errorSchema)}
                t={t}
                locale={locale}
              />
              {model.errorCodes.length > 0 && (
                <div className="grid gap-1">
                  <h4 className="font-medium">{t("apiDocs.errorCodes")}</h4>
                  <ul className="flex flex-wrap gap-1.5" aria-label={t("apiDocs.errorCodes")}>
                    {model.errorCodes.map((code) => (
                      <li key={code}>
                        <Badge tone="outline" className="font-mono">
                          {code}
                        </Badge>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </section>
          )}
          <p className="text-muted-foreground">{t("apiDocs.placeholders")}</p>
        </CardContent>
      </Card>

      <section className="grid gap-4" aria-labelledby="endpoints">
        <h2 id="endpoints" className="text-lg font-semibold">
          {t("apiDocs.endpointsTitle")}
        </h2>
        {model.operations.map((operation) => (
          <DocsOperation key={operation.id} operation={operation} model={model} origin={origin} t={t} locale={locale} />
        ))}
      </section>

      {webhookTools.length > 0 && (
        <section id="webhook-tools" className="grid scroll-mt-4 gap-4" aria-labelledby="webhook-tools-title">
          <h2 id="webhook-tools-title" className="text-lg font-semibold">
            {t("apiDocs.webhooksTitle")}
          </h2>
          <DocsWebhookTools tools={webhookTools} origin={origin} t={t} />
        </section>
      )}
    </div>
  );
}
