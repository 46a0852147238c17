/**
 * The weave components bundle: importing it defines every element (`<weave-app>`, `<weave-list>`,
 * `<weave-form>`, the widgets, …) and exposes the customization API.
 *
 * @example
 *   <script type="module" src="https://app.example.com/weave/weave.js"></script>
 *   <weave-list entity="invoice"></weave-list>
 */
import "./app/index.ts";
import "./views/index.ts";
import "./form/index.ts";
import "./widgets/index.ts";
import "./studio/index.ts";
import "./dashboard/index.ts";

export { registerWidget, registerView, widgetTag, viewTag } from "./core/registry.ts";
export { sessionFor, WeaveSession } from "./core/session.ts";
export { setColorScheme } from "./core/tokens.ts";
export { createClient, ApiError } from "./client/index.ts";
export { FieldWidget } from "./widgets/field-widget.ts";
