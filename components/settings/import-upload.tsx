"use client";

import { Upload } from "lucide-react";
import { useState, type DragEvent } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { formatFileSize } from "./import-format";

/** A file the server holds for the import (POST /api/imports/upload). */
export interface UploadedFile {
  uploadId: string;
  fileName: string;
  bytes: number;
}

/**
 * Step 1: a CSV file dropped on the zone or picked, sent as the raw body of POST
 * /api/imports/upload with its progress (XMLHttpRequest reports upload progress; fetch does not).
 * The server streams it to disk and enforces the size limit; the page checks both first.
 */
export function ImportUpload({
  file,
  maxUploadMb,
  onUploaded,
  onReset,
}: {
  file: UploadedFile | null;
  maxUploadMb: number;
  onUploaded: (file: UploadedFile) => void;
  onReset: () => void;
}) {
  const { t, locale } = useI18n();
  const [sending, setSending] = useState<{ name: string; percent: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);

  const send = (picked: File) => {
    setError(null);
    if (!/\.(csv|txt)$/i.test(picked.name) && picked.type !== "text/csv") {
      setError(t("settingsImport.upload.notCsv", { name: picked.name }));
      return;
    }
    if (picked.size > maxUploadMb * 1024 * 1024) {
      const size = formatFileSize(locale, picked.size);
      setError(t("settingsImport.upload.tooLarge", { name: picked.name, size, max: maxUploadMb }));
      return;
    }
    const request = new XMLHttpRequest();
    request.open("POST", `/api/imports/upload?name=${encodeURIComponent(picked.name)}`);
    request.setRequestHeader("content-type", "text/csv");
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) {
        setSending({ name: picked.name, percent: Math.floor((100 * event.loaded) / event.total) });
      }
    };
    request.onload = () => {
      setSending(null);
      let body: Partial<UploadedFile> & { error?: string } = {};
      try {
        body = JSON.parse(request.responseText) as typeof body;
      } catch {
        // a proxy's HTML error page: the status says enough
      }
      if (request.status === 201 && body.uploadId) {
        onUploaded({ uploadId: body.uploadId, fileName: picked.name, bytes: body.bytes ?? picked.size });
      } else {
        setError(t("settingsImport.upload.failed", { message: body.error ?? `HTTP ${request.status}` }));
      }
    };
    request.onerror = () => {
      setSending(null);
      setError(t("settingsImport.upload.network"));
    };
    setSending({ name: picked.name, percent: 0 });
    request.send(picked);
  };

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const picked = event.dataTransfer.files[0];
    if (picked) send(picked);
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base text-foreground">{t("settingsImport.upload.heading")}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3">
        {file ? (
          <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
            <p data-testid="import-uploaded-file">
              {t("settingsImport.upload.uploaded", { name: file.fileName, size: formatFileSize(locale, file.bytes) })}
            </p>
            <Button variant="outline" size="sm" onClick={onReset}>
              {t("settingsImport.upload.another")}
            </Button>
          </div>
        ) : (
          <div
            onDragOver={(event) => {
              event.preventDefault();
              setOver(true);
            }}
            onDragLeave={() => setOver(false)}
            onDrop={drop}
            className={cn(
              "grid justify-items-center gap-2 rounded-lg border-2 border-dashed p-8 text-center text-sm",
              over ? "border-primary bg-primary/5" : "border-border",
            )}
          >
            <Upload aria-hidden className="size-6 text-muted-foreground" />
            <p>
              {t("settingsImport.upload.dropHere")}{" "}
              <label className="cursor-pointer font-medium text-primary underline-offset-4 focus-within:underline hover:underline">
                {t("settingsImport.upload.choose")}
                <input
                  type="file"
                  accept=".csv,text/csv"
                  aria-label={t("settingsImport.upload.inputLabel")}
                  className="sr-only"
                  disabled={sending !== null}
                  onChange={(event) => {
                    const picked = event.target.files?.[0];
                    event.target.value = "";
                    if (picked) send(picked);
                  }}
                />
              </label>
            </p>
            <p className="text-muted-foreground">{t("settingsImport.upload.limit", { size: maxUploadMb })}</p>
            {sending && (
              <p role="status" className="tabular-nums">
                {t("settingsImport.upload.uploading", { name: sending.name, percent: sending.percent })}
              </p>
            )}
          </div>
        )}
        {error && (
          <p className="text-sm text-destructive" data-testid="import-upload-error">
            {error}
          </p>
        )}
      </CardContent>
    </Card>
  );
}
