/** Registers the elements of this folder (imported by components/index.ts). */
import "./weave-list.ts";
import "./weave-detail.ts";
import "./weave-actions.ts";
import "./weave-kanban.ts";

export { WeaveList } from "./weave-list.ts";
export { WeaveDetail } from "./weave-detail.ts";
export { WeaveActions } from "./weave-actions.ts";
export { WeaveKanban } from "./weave-kanban.ts";
export { formatValue, formatPath, pathLabel, type Formatted, type FormatContext } from "./format-value.ts";
