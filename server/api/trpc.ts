import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Db } from "@/db";
import { AppError, type AppErrorCode } from "../errors";
import { hasPermission, type Permission } from "../auth/permissions";
import type { WorkspaceMembership } from "../services/memberships";

export interface SessionUser {
  id: number;
  email: string;
  name: string;
}

/** What every procedure sees. `membership` is resolved from the database on each request. */
export interface Context {
  db: Db;
  user: SessionUser | null;
  membership: WorkspaceMembership | null;
}

export interface ProcedureMeta {
  /** The permission a procedure requires; absent for procedures open to any member. */
  permission?: Permission;
}

const APP_TO_TRPC: Record<AppErrorCode, TRPCError["code"]> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  CONFLICT: "CONFLICT",
  INVALID_STATE: "PRECONDITION_FAILED",
  INVALID_INPUT: "BAD_REQUEST",
};

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      return {
        ...shape,
        data: {
          ...shape.data,
          zodError: error.cause instanceof ZodError ? error.cause.flatten() : null,
        },
      };
    },
  });

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

/** AppError → its tRPC code; anything unexpected is logged and its message hidden. */
const errorMapping = t.middleware(async ({ next, path }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) {
      throw new TRPCError({ code: APP_TO_TRPC[cause.code], message: cause.message, cause });
    }
    if (result.error.code === "INTERNAL_SERVER_ERROR") {
      console.error(`[trpc] ${path} failed:`, cause ?? result.error);
      throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Something went wrong on our side." });
    }
  }
  return result;
});

export const publicProcedure = t.procedure.use(errorMapping);

/** A signed-in user acting in a workspace they belong to. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  if (!ctx.membership) {
    throw new TRPCError({ code: "FORBIDDEN", message: "You are not a member of any workspace; ask an admin." });
  }
  return next({ ctx: { ...ctx, user: ctx.user, membership: ctx.membership } });
});

/** A procedure that needs `permission` under the role of the current workspace. */
export function permissionProcedure(permission: Permission) {
  return protectedProcedure.meta({ permission }).use(({ ctx, next }) => {
    if (!hasPermission(ctx.membership.role, permission)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `Your role (${ctx.membership.role}) does not allow ${permission}.`,
      });
    }
    return next();
  });
}
