/**
 * `createClient(options)`: the shared client configured for the app (its tenancy header), with one
 * property per collection, the saved queries under `queries`, and the shared client's sign-in,
 * metadata and tenant switching passed through.
 */
import type { IR } from "../../ir/index.ts";
import { doc, literal } from "./source.ts";
import { savedQueryMethods } from "./saved-queries.ts";

/** The name of the function holding a collection's methods: `invoicesApi`. */
export const apiFunctionName = (collection: string): string => `${collection}Api`;

/** The `createClient` function and the `WeaveAppClient` type. */
export function clientFunction(ir: IR, collections: ReadonlyMap<string, string>, example: string): string {
  const members = [...collections.values()].map((c) => `    ${c}: ${apiFunctionName(c)}(http),`);
  const queries = ir.queries.length > 0 ? `    queries: {\n${savedQueryMethods(ir, "      ")}\n    },` : "    queries: {},";
  const text = `Creates the client of the ${ir.app.title ?? ir.app.name} API. Options are the shared client's: \`baseUrl\`, \`token\` (a Bearer API token), \`tenant\`, \`fetch\`.\n\n@example\n${example}`;
  return `${doc(text)}export function createClient(options: weave.ClientOptions = {}) {
  const http = weave.createClient({ tenantHeader: ${literal(ir.app.tenancy.header)}, ...options });
  return {
${members.join("\n")}
${queries}
${doc("Sign-in, sign-out, the current user and tenant, API tokens.", "    ")}    auth: http.auth,
${doc("The UI metadata for the caller (`GET /api/_meta`).", "    ")}    meta: http.meta,
    audit: http.audit,
${doc("Switches the tenant sent with every later call (`undefined`: the session's).", "    ")}    setTenant: http.setTenant,
    get tenant() {
      return http.tenant;
    },
    baseUrl: http.baseUrl,
${doc("The shared, untyped client underneath.", "    ")}    http,
  };
}

${doc("A client made by `createClient`.")}export type WeaveAppClient = ReturnType<typeof createClient>;`;
}
