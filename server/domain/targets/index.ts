export * from "./inputs";
export * from "./review";
export * from "./values";
