/**
 * `weave studio [dir]`: `weave dev` with the Studio opened: the model as a diagram and panels that
 * edit the YAML files (cli/studio/, components/studio/). Everything `weave dev` does still happens:
 * a Studio edit is written to the files and hot-reloaded like an edit by hand.
 */
import { spawn } from "node:child_process";
import { defineCommand } from "../command.ts";
import type { Io } from "../io.ts";
import { DEV_OPTIONS, serveDevelopment } from "./dev.ts";

/** The Studio's page in the app. */
export const STUDIO_PATH = "/app/_studio";

export const studio = defineCommand({
  name: "studio",
  summary: "Model the app visually: weave dev with the Studio open in the browser",
  usage: [
    "weave studio [dir] [options]",
    "",
    `Runs 'weave dev' and opens the Studio (${STUDIO_PATH}) in the browser when run at a terminal.`,
    "The Studio shows the entities and relations as a diagram, edits entities, fields, relations,",
    "indexes, policies, views and state machines, and writes every edit back to the YAML files",
    "(comments and order kept) once the compiler accepts it. `weave dev` serves the Studio too.",
  ].join("\n"),
  args: [{ name: "dir", description: "App folder holding weave.yaml (default: .)" }],
  options: { ...DEV_OPTIONS, "no-open": { type: "boolean", description: "Do not open the browser" } },
  run: ({ values, positionals }, io) =>
    serveDevelopment(values, positionals[0], io, (url) => {
      io.stderr.write(`weave studio: the Studio is at ${url}${STUDIO_PATH}\n`);
      if (!values["no-open"] && io.stdout.isTTY) openBrowser(`${url}${STUDIO_PATH}`, io);
    }),
});

/** Opens `url` in the desktop's browser; a machine without one just keeps the printed URL. */
function openBrowser(url: string, io: Io): void {
  const command = process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  try {
    const child = spawn(command, [url], { stdio: "ignore", detached: true });
    child.on("error", () => io.stderr.write(`weave studio: could not open a browser; open ${url}\n`));
    child.unref();
  } catch {
    io.stderr.write(`weave studio: could not open a browser; open ${url}\n`);
  }
}
