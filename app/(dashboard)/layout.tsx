import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { Header } from "@/components/layout/header";
import { Sidebar } from "@/components/layout/sidebar";
import { TrpcProvider } from "@/components/providers/trpc-provider";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";
import { auth } from "@/server/auth";
import { SIGN_IN_PATH } from "@/server/auth/config";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const session = await auth();
  if (!session?.user?.id) redirect(SIGN_IN_PATH);
  void getQueryClient().prefetchQuery(trpc.workspace.current.queryOptions());
  return (
    <TrpcProvider>
      <HydrateClient>
        <div className="flex min-h-screen">
          <Sidebar />
          <div className="flex min-w-0 flex-1 flex-col">
            <Header />
            <main className="flex-1 p-4 md:p-8">{children}</main>
          </div>
        </div>
      </HydrateClient>
    </TrpcProvider>
  );
}
