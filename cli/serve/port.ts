/**
 * Which port and host `weave dev` and `weave serve` listen on.
 */
import { CliError } from "../command.ts";

/** The port when neither --port nor PORT says otherwise. */
export const DEFAULT_PORT = 3000;

/**
 * `--port`, else the PORT environment variable, else 3000. Port 0 asks the system for a free one.
 *
 * @example
 *   resolvePort(undefined, { PORT: "8080" }); // 8080
 *   resolvePort("4000", { PORT: "8080" }); // 4000
 *   resolvePort("http", {}); // throws CliError "invalid --port 'http': ..."
 */
export function resolvePort(option: string | undefined, env: Readonly<Record<string, string | undefined>>): number {
  if (option !== undefined) return parsePort(option, "--port");
  const fromEnv = env.PORT?.trim();
  if (fromEnv) return parsePort(fromEnv, "PORT");
  return DEFAULT_PORT;
}

function parsePort(text: string, source: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 0 && port <= 65535)) throw new CliError(`invalid ${source} '${text}': give a port number from 0 to 65535 (0 picks a free one)`);
  return port;
}

/**
 * The URL to print for a server listening on `hostname:port`: a wildcard host is shown as
 * localhost, which is where a person on the same machine reaches it.
 *
 * @example
 *   serverUrl("0.0.0.0", 3000); // "http://localhost:3000"
 */
export function serverUrl(hostname: string, port: number): string {
  const host = hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname.includes(":") ? `[${hostname}]` : hostname;
  return `http://${host}:${port}`;
}
