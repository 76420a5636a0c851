/** Moved to src/domain/cookie.ts (the link modals of children and parents share it). */
export * from "../../domain/cookie.js";
