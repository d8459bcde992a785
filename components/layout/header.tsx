import { Suspense } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { UserMenu } from "./user-menu";
import { WorkspaceSwitcher } from "./workspace-switcher";

export function Header() {
  return (
    <header className="flex h-14 items-center justify-between gap-4 border-b bg-card px-4 md:px-6">
      <Suspense fallback={<Skeleton className="h-9 w-48" />}>
        <WorkspaceSwitcher />
      </Suspense>
      <Suspense fallback={<Skeleton className="h-9 w-32" />}>
        <UserMenu />
      </Suspense>
    </header>
  );
}
