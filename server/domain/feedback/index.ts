export * from "./filters";
export * from "./list";
export * from "./search-params";
export * from "./inbox-href";
