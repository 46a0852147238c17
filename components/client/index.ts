/** The HTTP client shared by the components and the generated SDK. */
export { createClient, type ClientOptions, type CallOptions, type SubscribeOptions, type WeaveClient } from "./client.ts";
export { ApiError, problemOf, type Problem, type ProblemItem } from "./problem.ts";
export { listQuery, type ListParams, type Filters, type FilterOp } from "./query.ts";
export { readEvents, type ServerEvent } from "./events.ts";
export * as q from "./query-dsl.ts";
export type * from "./types.ts";
