export * from "./calendar";
export * from "./filter-query";
export * from "./filters";
export * from "./periods";
export * from "./time-zone";
export * from "./payload";
export * from "./rollup-spans";
export * from "./customer-intervals";
