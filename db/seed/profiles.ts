import type { Channel } from "../../server/domain/enums";
import { DEMO_WORKSPACES } from "./demo-users";
import type { Language, SlaTable, StageKey, TeamKey } from "./catalog";
import type { ThemeKey } from "./themes";

/**
 * The two demo brands. They differ in size, segments, prices, regions and incidents so that
 * switching workspace in the app shows visibly different figures.
 */

export interface SegmentProfile {
  name: string;
  description: string;
  color: string;
  /** Share of the workspace's customers. */
  share: number;
  /** Median order value in minor units (cents). */
  orderCents: number;
  /** Relative order frequency (orders per active year; only ratios matter). */
  ordersPerYear: number;
  /** Relative feedback frequency (items per active year; only ratios matter). */
  feedbackPerYear: number;
  /** Mean latent satisfaction: drives NPS/CSAT/CES baselines and churn. */
  mood: number;
  /** Probability of churning within the 24-month window for a customer of average mood. */
  churn: number;
  preferredChannels: Partial<Record<Channel, number>>;
}

export interface RegionProfile {
  name: string;
  share: number;
  languages: Partial<Record<Language, number>>;
}

/** A stretch of months where scores shift and volume grows around a stage/channel (incident or fix). */
export interface Episode {
  label: string;
  /** Inclusive, counted back from the current month (0 = this month). */
  fromMonthsAgo: number;
  toMonthsAgo: number;
  stage?: StageKey;
  channel?: Channel;
  theme?: ThemeKey;
  /** Added to the latent score of matching feedback. */
  shift: number;
  /** Multiplies the month's feedback volume; the extra items are about this episode. */
  volumeBoost: number;
}

export interface WorkspaceProfile {
  slug: string;
  name: string;
  currency: string;
  /** Relative size; totals are split between workspaces in these proportions. */
  size: { customers: number; orders: number; feedback: number };
  emailDomain: string;
  segments: readonly SegmentProfile[];
  regions: readonly RegionProfile[];
  teamNames: Record<TeamKey, string>;
  sla: SlaTable;
  /** 1 = full holiday peak; 0 = flat year. */
  seasonality: number;
  /** Score shift of Delivery feedback in December (carriers overloaded). */
  decemberDeliveryShift: number;
  /** Base probability that a later order is a refund of an earlier one. */
  refundRate: number;
  episodes: readonly Episode[];
}

const [northwind, contoso] = DEMO_WORKSPACES;

const NORTHWIND: WorkspaceProfile = {
  ...northwind,
  size: { customers: 1, orders: 1, feedback: 1 },
  emailDomain: "example.com",
  segments: [
    {
      name: "Enterprise",
      description: "Corporate buyers on negotiated contracts with a dedicated account manager.",
      color: "#1d4ed8",
      share: 0.05,
      orderCents: 185_000,
      ordersPerYear: 10,
      feedbackPerYear: 5,
      mood: 0.7,
      churn: 0.06,
      preferredChannels: { call_centre: 35, email: 35, web: 30 },
    },
    {
      name: "Small Business",
      description: "Shops and offices of up to 50 people ordering supplies online.",
      color: "#0891b2",
      share: 0.13,
      orderCents: 42_000,
      ordersPerYear: 8,
      feedbackPerYear: 4,
      mood: 0.35,
      churn: 0.14,
      preferredChannels: { web: 50, email: 25, call_centre: 15, chat: 10 },
    },
    {
      name: "Premium Shoppers",
      description: "High-income households who value service and fast delivery over price.",
      color: "#7c3aed",
      share: 0.12,
      orderCents: 21_000,
      ordersPerYear: 7,
      feedbackPerYear: 3.5,
      mood: 0.6,
      churn: 0.1,
      preferredChannels: { app: 35, store: 35, web: 20, chat: 10 },
    },
    {
      name: "Families",
      description: "Weekly basket shoppers, sensitive to delivery slots and stock-outs.",
      color: "#16a34a",
      share: 0.3,
      orderCents: 9_500,
      ordersPerYear: 6,
      feedbackPerYear: 3,
      mood: 0.2,
      churn: 0.18,
      preferredChannels: { store: 40, web: 25, app: 25, email: 10 },
    },
    {
      name: "Bargain Hunters",
      description: "Promotion-driven, compare prices across retailers and switch quickly.",
      color: "#ea580c",
      share: 0.25,
      orderCents: 4_200,
      ordersPerYear: 5,
      feedbackPerYear: 2.5,
      mood: -0.45,
      churn: 0.34,
      preferredChannels: { web: 45, app: 30, social: 15, store: 10 },
    },
    {
      name: "Students",
      description: "Mobile-first with small baskets; heavy app and social users.",
      color: "#db2777",
      share: 0.15,
      orderCents: 2_800,
      ordersPerYear: 4,
      feedbackPerYear: 2.5,
      mood: -0.1,
      churn: 0.3,
      preferredChannels: { app: 55, social: 25, chat: 15, web: 5 },
    },
  ],
  regions: [
    { name: "US East", share: 0.3, languages: { en: 95, he: 3, zh: 2 } },
    { name: "US West", share: 0.24, languages: { en: 86, zh: 8, fa: 6 } },
    { name: "Canada", share: 0.1, languages: { en: 80, fr: 20 } },
    { name: "Europe", share: 0.14, languages: { en: 45, fr: 20, pl: 25, pt: 10 } },
    { name: "Middle East", share: 0.08, languages: { he: 55, fa: 30, en: 15 } },
    { name: "Asia-Pacific", share: 0.08, languages: { zh: 70, en: 30 } },
    { name: "Latin America", share: 0.06, languages: { pt: 75, en: 25 } },
  ],
  teamNames: { logistics: "Logistics", service: "Customer Service", digital: "Digital", store: "Store Ops" },
  sla: {
    urgent: { firstResponseHours: 1, resolutionHours: 8 },
    high: { firstResponseHours: 4, resolutionHours: 24 },
    normal: { firstResponseHours: 24, resolutionHours: 72 },
    low: { firstResponseHours: 72, resolutionHours: 240 },
  },
  seasonality: 1,
  decemberDeliveryShift: -0.8,
  refundRate: 0.042,
  episodes: [
    {
      label: "Carrier capacity crisis",
      fromMonthsAgo: 4,
      toMonthsAgo: 4,
      stage: "delivery",
      theme: "delivery_delay",
      shift: -1.8,
      volumeBoost: 1.9,
    },
    {
      label: "App outage after release 5.0",
      fromMonthsAgo: 11,
      toMonthsAgo: 11,
      channel: "app",
      theme: "app_crash",
      shift: -1.6,
      volumeBoost: 1.6,
    },
    {
      label: "Proactive delivery SMS rolled out",
      fromMonthsAgo: 2,
      toMonthsAgo: 0,
      stage: "delivery",
      shift: 0.45,
      volumeBoost: 1,
    },
  ],
};

const CONTOSO: WorkspaceProfile = {
  ...contoso,
  size: { customers: 0.5, orders: 0.6, feedback: 0.45 },
  emailDomain: "example.org",
  segments: [
    {
      name: "Enterprise",
      description: "Multi-site companies on managed connectivity contracts.",
      color: "#0f766e",
      share: 0.04,
      orderCents: 240_000,
      ordersPerYear: 12,
      feedbackPerYear: 6,
      mood: 0.3,
      churn: 0.05,
      preferredChannels: { call_centre: 50, email: 40, web: 10 },
    },
    {
      name: "SMB",
      description: "Small companies on business mobile and broadband bundles.",
      color: "#2563eb",
      share: 0.16,
      orderCents: 18_500,
      ordersPerYear: 12,
      feedbackPerYear: 4,
      mood: 0,
      churn: 0.13,
      preferredChannels: { call_centre: 35, web: 35, email: 20, chat: 10 },
    },
    {
      name: "Postpaid Families",
      description: "Household bundles: several SIMs, home fibre and TV.",
      color: "#65a30d",
      share: 0.32,
      orderCents: 8_900,
      ordersPerYear: 12,
      feedbackPerYear: 3,
      mood: 0.1,
      churn: 0.12,
      preferredChannels: { app: 35, store: 25, call_centre: 25, web: 15 },
    },
    {
      name: "Prepaid",
      description: "Top-up customers without a contract; price-driven and quick to leave.",
      color: "#f59e0b",
      share: 0.22,
      orderCents: 1_500,
      ordersPerYear: 9,
      feedbackPerYear: 2,
      mood: -0.55,
      churn: 0.4,
      preferredChannels: { store: 45, app: 35, social: 20 },
    },
    {
      name: "Youth",
      description: "Under-26 plans with app-only service and data add-ons.",
      color: "#e11d48",
      share: 0.16,
      orderCents: 2_500,
      ordersPerYear: 12,
      feedbackPerYear: 3,
      mood: -0.2,
      churn: 0.26,
      preferredChannels: { app: 60, social: 20, chat: 20 },
    },
    {
      name: "Seniors",
      description: "Simple plans with in-store help; loyal but sensitive to service quality.",
      color: "#9333ea",
      share: 0.1,
      orderCents: 3_500,
      ordersPerYear: 12,
      feedbackPerYear: 2.5,
      mood: 0.4,
      churn: 0.07,
      preferredChannels: { store: 60, call_centre: 35, email: 5 },
    },
  ],
  regions: [
    { name: "France", share: 0.26, languages: { fr: 80, en: 20 } },
    { name: "Benelux", share: 0.22, languages: { en: 70, fr: 30 } },
    { name: "Poland", share: 0.17, languages: { pl: 85, en: 15 } },
    { name: "Portugal", share: 0.12, languages: { pt: 85, en: 15 } },
    { name: "Nordics", share: 0.13, languages: { en: 100 } },
    { name: "International", share: 0.1, languages: { en: 40, he: 25, fa: 20, zh: 15 } },
  ],
  teamNames: { logistics: "Field Logistics", service: "Customer Service", digital: "Digital", store: "Store Ops" },
  sla: {
    urgent: { firstResponseHours: 2, resolutionHours: 12 },
    high: { firstResponseHours: 8, resolutionHours: 48 },
    normal: { firstResponseHours: 24, resolutionHours: 120 },
    low: { firstResponseHours: 72, resolutionHours: 336 },
  },
  seasonality: 0.5,
  decemberDeliveryShift: -0.35,
  refundRate: 0.05,
  episodes: [
    {
      label: "Self-care app outage",
      fromMonthsAgo: 6,
      toMonthsAgo: 6,
      channel: "app",
      theme: "app_crash",
      shift: -1.7,
      volumeBoost: 1.8,
    },
    {
      label: "Billing system migration",
      fromMonthsAgo: 9,
      toMonthsAgo: 8,
      stage: "service",
      theme: "billing",
      shift: -1.2,
      volumeBoost: 1.4,
    },
    {
      label: "Router shipping backlog",
      fromMonthsAgo: 15,
      toMonthsAgo: 15,
      stage: "delivery",
      theme: "delivery_delay",
      shift: -1.5,
      volumeBoost: 1.5,
    },
  ],
};

export const WORKSPACE_PROFILES: readonly WorkspaceProfile[] = [NORTHWIND, CONTOSO];
