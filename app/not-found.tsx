import Link from "next/link";
import { getTranslator } from "@/server/i18n/server";

export default async function NotFound() {
  const t = await getTranslator();
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="text-xl font-semibold">{t("errors.notFoundTitle")}</h1>
      <p className="text-sm text-muted-foreground">{t("errors.notFoundBody")}</p>
      <Link href="/" className="text-sm text-primary underline">
        {t("errors.backHome")}
      </Link>
    </main>
  );
}
