import type { Metadata } from "next";
import { ApiDocs } from "@/components/docs/api-docs";
import { readOpenApi } from "@/components/docs/openapi-model";
import { requestOrigin } from "@/components/docs/request-origin";
import { buildOpenApiDocument } from "@/server/domain/ingest/openapi";
import { getLocale, getTranslator } from "@/server/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("apiDocs.title") };
}

/**
 * The API documentation: the document GET /api/v1/openapi.json serves (built by the same function),
 * rendered with our own components. Any member may read it; it holds no secret.
 */
export default async function ApiDocsPage() {
  const [t, locale, origin] = await Promise.all([getTranslator(), getLocale(), requestOrigin()]);
  return <ApiDocs model={readOpenApi(buildOpenApiDocument())} origin={origin} t={t} locale={locale} />;
}
