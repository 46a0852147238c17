/**
 * The typed client SDK of an app, as one TypeScript module, from the IR alone: the types of
 * every entity's records, bodies, filters, sort keys and includes; `createClient` with a method
 * per route of `routeTable(ir)` (CRUD, related lists, transitions, actions), the saved queries
 * and event subscriptions; and TanStack Query v5 option factories. It builds on the shared client
 * of components/client (HTTP, problem+json, tenants), imported from `importFrom`.
 * spec/sdk.md is the reference of what it generates.
 */
import type { IR, IREntity } from "../../ir/index.ts";
import { collectionSegment, type Route, routeTable } from "../openapi/index.ts";
import { apiFunctionName, clientFunction } from "./client.ts";
import { entityApi } from "./entity-api.ts";
import { entityTypes } from "./entity-types.ts";
import { collectionNames } from "./names.ts";
import { prelude } from "./prelude.ts";
import { savedQueryTypes } from "./saved-queries.ts";
import { heading } from "./source.ts";
import { savedQueryFactories, tanstackFactories } from "./tanstack.ts";

export interface SdkOptions {
  /** The module specifier of the shared client; default `@weave-dev/weave/client`. */
  readonly importFrom?: string;
}

/** Where the generated SDK imports the shared client from, unless told otherwise. */
export const DEFAULT_CLIENT_IMPORT = "@weave-dev/weave/client";

/**
 * The SDK's source. Pure and deterministic: the same IR gives the same text.
 *
 * @example
 *   const source = generateSdk(ir, { importFrom: "@weave-dev/weave/client" });
 *   await Bun.write("src/api.ts", source);
 *   // then: import { createClient } from "./api.ts";
 *   //       const client = createClient({ baseUrl: "http://localhost:3000" });
 *   //       const { data } = await client.invoices.list({ filter: { status: { eq: "sent" } } });
 */
export function generateSdk(ir: IR, options: SdkOptions = {}): string {
  const routes = routeTable(ir);
  const collections = collectionNames(ir);
  const routesOf = (entity: IREntity): Route[] => routes.filter((r) => r.entity === entity.name);
  const example = usage(ir, collections);
  const sections = [
    prelude(ir, options.importFrom ?? DEFAULT_CLIENT_IMPORT, example),
    ...ir.entities.map((e) => entityTypes(ir, e, `/api/${collectionSegment(e)}`)),
    savedQueryTypes(ir),
    heading("The client"),
    ...ir.entities.map((e) => entityApi(ir, e, routesOf(e), apiFunctionName(collections.get(e.name)!))),
    clientFunction(ir, collections, example),
    heading("TanStack Query v5"),
    ...ir.entities.map((e) => tanstackFactories(ir, e, routesOf(e), collections.get(e.name)!)),
    savedQueryFactories(ir),
  ];
  // Multi-line unions leave `= ` before a line break: no line of the file ends in spaces.
  return `${sections.filter(Boolean).join("\n\n")}\n`.replace(/[ \t]+\n/g, "\n").replace(/\n{3,}/g, "\n\n");
}

/** The usage example in the file's doc comments, on the model's first entity. */
function usage(ir: IR, collections: ReadonlyMap<string, string>): string {
  const lines = ['  const client = createClient({ baseUrl: "http://localhost:3000", token: process.env.WEAVE_TOKEN });'];
  const first = ir.entities[0];
  if (first) lines.push(`  const { data } = await client.${collections.get(first.name)}.list({ size: 10 });`);
  return lines.join("\n");
}
