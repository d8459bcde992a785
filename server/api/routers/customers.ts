import { customerByIdInput, eraseCustomerInput, listCustomersInput } from "../../domain/customers";
import { eraseCustomer } from "../../services/customer-erasure";
import { getCustomer, listCustomers } from "../../services/customers";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const customersRouter = createTRPCRouter({
  list: permissionProcedure("customers.read")
    .input(listCustomersInput)
    .query(({ ctx, input }) => listCustomers(ctx.db, ctx.membership.workspaceId, input)),
  byId: permissionProcedure("customers.read")
    .input(customerByIdInput)
    .query(({ ctx, input }) => getCustomer(ctx.db, ctx.membership.workspaceId, input)),
  erase: permissionProcedure("customers.erase")
    .input(eraseCustomerInput)
    .mutation(({ ctx, input }) =>
      eraseCustomer(ctx.db, { userId: ctx.user.id, workspaceId: ctx.membership.workspaceId }, input.id),
    ),
});
