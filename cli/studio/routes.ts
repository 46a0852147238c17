/**
 * The Studio's HTTP side, mounted by `weave dev` (development only) beside the app:
 * - `GET /weave/studio/model`: the model as the Studio shows it (cli/studio/model.ts);
 * - `POST /weave/studio/edit` `{ edit, write?, force? }`: runs one edit (cli/studio/apply.ts) and
 *   answers `{ diagnostics, written, diff, files, element }`. A written file reaches the server
 *   through `weave dev`'s watcher, like an edit by hand.
 * Edits are run one at a time. A cross-site page must not write the developer's files: a POST
 * must be JSON (a cross-origin JSON POST needs a preflight, which is not answered) and, when the
 * browser names its origin, come from the page's own.
 */
import { Value } from "@sinclair/typebox/value";
import type { Elysia } from "elysia";
import type { IR } from "../../compiler/ir/index.ts";
import { badRequest, forbidden, unavailable, unprocessable, unsupportedMediaType } from "../../runtime/server/errors.ts";
import { runEdit } from "./apply.ts";
import { EditRefused, StudioEditSchema, type StudioEdit } from "./edits/index.ts";
import { YamlEditError } from "./edits/yaml-text.ts";
import { readModel } from "./model.ts";

type App = Elysia<any, any, any, any, any, any, any>;

/** State shared by every model the dev server swaps in: the last good model, the edit queue. */
export interface StudioState {
  readonly dir: string;
  lastGood?: IR;
  queue: Promise<unknown>;
}

/** @example const studio = createStudio("examples/invoicing"); registerStudioRoutes(app, studio); */
export function createStudio(dir: string): StudioState {
  return { dir, queue: Promise.resolve() };
}

/**
 * Registers the Studio's routes on a dev server's app.
 *
 * @example startServing({ ..., extend: (app) => registerStudioRoutes(app, studio) });
 */
export function registerStudioRoutes(app: App, state: StudioState): void {
  app.get("/weave/studio/model", () =>
    serially(state, async () => {
      const { model, ir } = await readModel(state.dir, state.lastGood);
      if (!model) throw unavailable("the app has not compiled yet: fix the problems `weave check` shows");
      state.lastGood = ir;
      return model;
    }),
  );
  app.post("/weave/studio/edit", ({ request, body: parsed }) => {
    checkSameOrigin(request);
    const body = editRequest(request, parsed);
    return serially(state, async () => {
      try {
        return await runEdit(state.dir, body.edit, { write: body.write ?? true, force: body.force ?? false });
      } catch (error) {
        if (error instanceof EditRefused || error instanceof YamlEditError) throw unprocessable(error.message);
        throw error;
      }
    });
  });
}

interface EditRequest {
  readonly edit: StudioEdit;
  readonly write?: boolean;
  readonly force?: boolean;
}

/** The edit asked for, from the body Elysia parsed (invalid JSON is refused before this runs). */
function editRequest(request: Request, body: unknown): EditRequest {
  if (!(request.headers.get("content-type") ?? "").startsWith("application/json")) throw unsupportedMediaType("send the edit as application/json");
  const { edit, write, force } = (body ?? {}) as Record<string, unknown>;
  if (write !== undefined && typeof write !== "boolean") throw badRequest("write must be true or false");
  if (force !== undefined && typeof force !== "boolean") throw badRequest("force must be true or false");
  if (!Value.Check(StudioEditSchema, edit)) {
    const first = Value.Errors(StudioEditSchema, edit).First();
    throw badRequest(`not a Studio edit${first ? `: ${first.path || "/"} ${first.message}` : ""}`, first ? [{ path: `/edit${first.path}`, message: first.message }] : undefined);
  }
  return { edit, ...(write !== undefined ? { write } : {}), ...(force !== undefined ? { force } : {}) };
}

function checkSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (origin && origin !== new URL(request.url).origin && new URL(origin).host !== request.headers.get("host")) {
    throw forbidden("the Studio takes edits from its own page only");
  }
}

/** Runs `task` after the tasks before it: edits and reads never interleave. */
function serially<T>(state: StudioState, task: () => Promise<T>): Promise<T> {
  const run = state.queue.then(task, task);
  state.queue = run.catch(() => undefined);
  return run;
}
