/**
 * A minimal LSP client for the real yaml-language-server, run by node over stdio: what an editor
 * does, and no more. It answers the server's requests (workspace/configuration with the settings
 * given, capability registration), collects publishDiagnostics per document, and shuts the server
 * down with shutdown + exit, killing it if it does not go.
 *
 * @example
 * const server = await startYamlServer({ root: "/work/main", settings: { yaml: { validate: true } } });
 * const diagnostics = await server.open(uri, text);
 * await server.stop();
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  CompletionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  RequestType,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  UnregistrationRequest,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type Position,
  type ProtocolConnection,
} from "vscode-languageserver-protocol/node";

/** yaml-language-server's own request for the schemas that match a document. */
const SchemasRequest = new RequestType<string, { uri: string }[], unknown>("yaml/get/jsonSchema");

/** Settings by section, as an editor's settings.json holds them (`yaml`, `http`, `[yaml]`, …). */
export type Settings = Record<string, unknown>;

export interface YamlServer {
  /** Opens a document (didOpen) and resolves with the first diagnostics published for it. */
  open(uri: string, text: string, timeoutMs?: number): Promise<Diagnostic[]>;
  /** The completion items at a position. */
  complete(uri: string, position: Position): Promise<CompletionItem[]>;
  /** The hover at a position, or null. */
  hover(uri: string, position: Position): Promise<Hover | null>;
  /** The URIs of the schemas the server applies to an open document (its `yaml/get/jsonSchema`). */
  schemas(uri: string): Promise<string[]>;
  /** What the server wrote to stderr, for failure messages. */
  stderr(): string;
  /** shutdown + exit; kills the process if it has not ended within timeoutMs. */
  stop(timeoutMs?: number): Promise<void>;
}

/** The server's entry point, from the installed package (its bin is a node script). */
export function serverBin(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("yaml-language-server/package.json")), "bin", "yaml-language-server");
}

/** A file:// URI for an absolute path. */
export const fileUri = (path: string): string => pathToFileURL(path).href;

/** Rejects after ms with a message, so a hung server fails the test instead of the run. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** One section (`yaml`, `http`, `[yaml]`, `editor`) of the settings; no section is all of them. */
function section(settings: Settings, name: string | undefined): unknown {
  if (name === undefined) return settings;
  return settings[name] ?? null;
}

/**
 * Starts the server, initializes it with the workspace folder `root`, and resolves once it has
 * pulled the settings (so no document is validated with the defaults, which would fetch the
 * schema store).
 */
export async function startYamlServer(opts: { root: string; settings: Settings; timeoutMs?: number }): Promise<YamlServer> {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const child = spawn("node", [serverBin(), "--stdio"], { cwd: opts.root, stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting = new Map<string, (diagnostics: Diagnostic[]) => void>();
  conn.onNotification(PublishDiagnosticsNotification.type, ({ uri, diagnostics }) => {
    const resolve = waiting.get(uri);
    waiting.delete(uri);
    resolve?.(diagnostics);
  });

  let configured!: () => void;
  const pulled = new Promise<void>((resolve) => (configured = resolve));
  conn.onRequest(ConfigurationRequest.type, ({ items }) => {
    const answer = items.map((item) => section(opts.settings, item.section));
    if (items.some((item) => item.section === "yaml")) configured();
    return answer;
  });
  conn.onRequest(RegistrationRequest.type, () => null);
  conn.onRequest(UnregistrationRequest.type, () => null);
  conn.listen();

  const rootUri = fileUri(opts.root);
  await withTimeout(
    conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: "weave" }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          completion: { completionItem: { snippetSupport: true, documentationFormat: ["markdown", "plaintext"] } },
          hover: { contentFormat: ["markdown", "plaintext"] },
          publishDiagnostics: { relatedInformation: true },
        },
      },
    }),
    timeoutMs,
    "initialize",
  );
  await conn.sendNotification(InitializedNotification.type, {});
  await conn.sendNotification(DidChangeConfigurationNotification.type, { settings: opts.settings });
  await withTimeout(pulled, timeoutMs, "workspace/configuration");

  return {
    async open(uri, text, ms = timeoutMs) {
      const published = new Promise<Diagnostic[]>((resolve) => waiting.set(uri, resolve));
      await conn.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: "yaml", version: 1, text },
      });
      return withTimeout(published, ms, `publishDiagnostics for ${uri}`);
    },
    async complete(uri, position) {
      const result = await withTimeout(
        conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }),
        timeoutMs,
        `completion in ${uri}`,
      );
      if (!result) return [];
      return Array.isArray(result) ? result : (result as CompletionList).items;
    },
    hover(uri, position) {
      return withTimeout(conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position }), timeoutMs, `hover in ${uri}`);
    },
    async schemas(uri) {
      const found = await withTimeout(conn.sendRequest(SchemasRequest, uri), timeoutMs, `schemas of ${uri}`);
      return found.map((schema) => schema.uri);
    },
    stderr: () => stderr,
    stop: (ms = 5_000) => stop(conn, child, exited, ms),
  };
}

async function stop(conn: ProtocolConnection, child: ChildProcess, exited: Promise<void>, ms: number): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    try {
      await withTimeout(conn.sendRequest(ShutdownRequest.type), ms, "shutdown");
      await conn.sendNotification(ExitNotification.type);
      await withTimeout(exited, ms, "exit");
    } catch {
      // ensure the process ends even when the server hangs or the pipe is gone.
      child.kill("SIGKILL");
      await exited;
    }
  }
  conn.dispose();
}
