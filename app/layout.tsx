import type { Metadata } from "next";
import type { ReactNode } from "react";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import { ThemeProvider } from "@/components/providers/theme-provider";
import { textDirection } from "@/server/i18n/core";
import { getLocale, getMessages } from "@/server/i18n/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Touchpoint", template: "%s · Touchpoint" },
  description: "Customer experience management: feedback, journeys and KPIs tied to revenue.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <html lang={locale} dir={textDirection(locale)} suppressHydrationWarning>
      <body className="min-h-screen">
        <ThemeProvider>
          <I18nProvider locale={locale} messages={messages}>
            {children}
          </I18nProvider>
        </ThemeProvider>
      </body>
    </html>
  );
}
