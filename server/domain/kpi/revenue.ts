import { AppError } from "../../errors";
import type { OrderKind } from "../enums";
import { assertCount, type Figure, makeFigure, percentFigure } from "./figure";
import { compareMoney, divideMoney, type Money, parseMoney, subtractMoney, sumMoney } from "./money";
import type { NpsCategory } from "./nps";

/**
 * Revenue: the exact net sum of order amounts (purchases ≥ 0 plus refunds ≤ 0); no orders → "0.00".
 * Throws INVALID_INPUT for a malformed amount, a negative purchase or a positive refund.
 */
export function netRevenue(orders: Iterable<{ kind: OrderKind; amount: string }>): Money {
  const amounts: string[] = [];
  for (const { kind, amount } of orders) {
    const sign = compareMoney(amount, "0");
    if ((kind === "purchase" && sign < 0) || (kind === "refund" && sign > 0)) {
      throw new AppError("INVALID_INPUT", `A ${kind} of ${amount} has the wrong sign: purchases are ≥ 0, refunds ≤ 0.`);
    }
    amounts.push(amount);
  }
  return sumMoney(amounts);
}

/** ARPC = revenue / active customers, rounded half away from zero to the cent; 0 customers → `null`. */
export function averageRevenuePerCustomer(revenue: string, activeCustomers: number): Figure<Money> {
  return moneyPer(revenue, activeCustomers, "activeCustomers");
}

/** AOV = revenue / orders, rounded half away from zero to the cent; 0 orders → `null`. */
export function averageOrderValue(revenue: string, orders: number): Figure<Money> {
  return moneyPer(revenue, orders, "orders");
}

/**
 * Repeat purchase rate = 100 × customers with ≥ 2 orders / customers with ≥ 1 order, in the window;
 * in 0…100, `null` when no customer ordered. Throws INVALID_INPUT when repeat > purchasing.
 */
export function computeRepeatPurchaseRate(input: { repeatCustomers: number; purchasingCustomers: number }): Figure {
  return percentFigure(input.repeatCustomers, input.purchasingCustomers, {
    part: "repeatCustomers",
    whole: "purchasingCustomers",
  });
}

/**
 * Customers of one period for churn: those active at its start, and how many of *them* churned in it
 * (a customer who joined and left inside the period is not counted, so churned ≤ activeAtStart).
 */
export interface ChurnCounts {
  churned: number;
  activeAtStart: number;
}

/** Churn rate = 100 × churned / active at start, in 0…100; `null` when nobody was active at start. */
export function computeChurnRate(counts: ChurnCounts): Figure {
  return percentFigure(counts.churned, counts.activeAtStart, { part: "churned", whole: "activeAtStart" });
}

/** Retention rate = 100 − churn rate, in 0…100; `null` when nobody was active at start. */
export function computeRetentionRate(counts: ChurnCounts): Figure {
  const churn = computeChurnRate(counts);
  return { ...churn, value: churn.value === null ? null : 100 - churn.value };
}

/** Customers and their net revenue, for the customers whose latest NPS answer is in one category. */
export interface CategoryRevenue {
  customers: number;
  revenue: string;
}

/**
 * Promoter vs detractor value: mean revenue per customer for each latest-NPS category
 * (revenue / customers, half away from zero to the cent; `null` for a category without customers),
 * and the promoter mean minus the detractor mean (`null` when either is `null`).
 */
export function computeCategoryValue(byCategory: Record<NpsCategory, CategoryRevenue>): {
  meanRevenue: Record<NpsCategory, Figure<Money>>;
  promoterMinusDetractor: Money | null;
} {
  const mean = (category: NpsCategory) =>
    moneyPer(byCategory[category].revenue, byCategory[category].customers, `${category} customers`);
  const meanRevenue = { promoter: mean("promoter"), passive: mean("passive"), detractor: mean("detractor") };
  const promoter = meanRevenue.promoter.value;
  const detractor = meanRevenue.detractor.value;
  return {
    meanRevenue,
    promoterMinusDetractor: promoter === null || detractor === null ? null : subtractMoney(promoter, detractor),
  };
}

function moneyPer(revenue: string, count: number, name: string): Figure<Money> {
  assertCount(name, count);
  parseMoney(revenue);
  return makeFigure(count === 0 ? null : divideMoney(revenue, count), count);
}
