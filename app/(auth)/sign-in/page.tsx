import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getTranslator } from "@/server/i18n/server";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const [{ callbackUrl }, t] = await Promise.all([searchParams, getTranslator()]);
  return (
    <main className="flex min-h-screen items-center justify-center bg-muted/40 p-6">
      <div className="w-full max-w-sm rounded-xl border bg-card p-8 shadow-sm">
        <p className="text-sm font-semibold tracking-wide text-primary">{t("app.name")}</p>
        <h1 className="mt-2 text-xl font-semibold">{t("signIn.title")}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t("signIn.subtitle")}</p>
        <SignInForm callbackUrl={callbackUrl ?? "/"} />
      </div>
    </main>
  );
}
