import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { Translate } from "@/server/i18n/core";
import { signedWebhookScript } from "./curl-examples";
import { DocsCodeBlock } from "./docs-code-block";
import type { WebhookToolDoc } from "./openapi-model";

/** Per tool: the events it sends, where its secret comes from, how it signs, and a signed curl example. */
export function DocsWebhookTools({ tools, origin, t }: { tools: WebhookToolDoc[]; origin: string; t: Translate }) {
  return (
    <div className="grid gap-4">
      {tools.map((tool) => {
        const { signature } = tool;
        const path = `${new URL(`/api/v1/webhooks/${tool.tool}`, origin).toString()}?endpoint=…`;
        return (
          <Card key={tool.tool} id={`webhook-${tool.tool}`} className="scroll-mt-4">
            <CardHeader>
              <CardTitle className="text-base text-foreground">{tool.title}</CardTitle>
              <code dir="ltr" className="break-all font-mono text-xs text-muted-foreground">
                POST {path}
              </code>
            </CardHeader>
            <CardContent className="grid gap-3 text-sm">
              <dl className="grid gap-2">
                <div>
                  <dt className="font-medium">{t("apiDocs.toolEvents")}</dt>
                  <dd className="text-muted-foreground">{tool.events}</dd>
                </div>
                <div>
                  <dt className="font-medium">{t("apiDocs.toolSecret")}</dt>
                  <dd className="text-muted-foreground">{tool.secret}</dd>
                </div>
                <div>
                  <dt className="font-medium">{t("apiDocs.toolSignature")}</dt>
                  <dd className="text-muted-foreground">
                    {signature ? (
                      <>
                        {t("apiDocs.toolSignatureValue", {
                          header: signature.header,
                          value: signature.value,
                          algorithm: signature.algorithm,
                          signed: signature.signed,
                          key: signature.key,
                        })}
                        {signature.timestamp && (
                          <>
                            {". "}
                            {t("apiDocs.toolTimestamp", {
                              format: signature.timestamp.format,
                              seconds: signature.timestamp.maxAgeSeconds,
                            })}
                            {signature.timestamp.header &&
                              `, ${t("apiDocs.toolTimestampHeader", { header: signature.timestamp.header })}`}
                            .
                          </>
                        )}
                      </>
                    ) : (
                      t("apiDocs.toolUnsigned")
                    )}
                  </dd>
                </div>
              </dl>
              <DocsCodeBlock
                title={signature ? t("apiDocs.curlWebhookTitle") : t("apiDocs.curlTitle")}
                code={signedWebhookScript(signature)}
                copyWhat={t("apiDocs.curlCopy", { operation: tool.title })}
              />
            </CardContent>
          </Card>
        );
      })}
    </div>
  );
}
