export * from "./bulk";
export * from "./commands";
export * from "./conflict";
export * from "./initial";
export * from "./plan";
export * from "./shortcuts";
export * from "./sla";
export * from "./status";
