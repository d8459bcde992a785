import { listCustomersInput } from "../../domain/customers";
import { listCustomers } from "../../services/customers";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const customersRouter = createTRPCRouter({
  list: permissionProcedure("customers.read")
    .input(listCustomersInput)
    .query(({ ctx, input }) => listCustomers(ctx.db, ctx.membership.workspaceId, input)),
});
