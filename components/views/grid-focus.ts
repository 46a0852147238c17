/**
 * The ARIA grid's focus on a rendered `<table>`: one Tab stop (roving tabindex) that follows the
 * focused cell, arrow/Home/End/Page keys moving it (grid-keys.ts says where), and Enter or Space
 * handed to the host, which knows what activating a cell means.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { type Cell, moveCell } from "./grid-keys.ts";

type Host = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

export class GridFocusController implements ReactiveController {
  readonly #host: Host;
  readonly #activate: (event: KeyboardEvent, at: Cell, cell: HTMLTableCellElement) => void;
  #active: Cell = { row: 1, col: 1 };
  #tabStop: HTMLElement | undefined;

  /**
   * @example readonly #focus = new GridFocusController(this, (event, at, cell) => this.#activate(event, at, cell));
   */
  constructor(host: Host, activate: (event: KeyboardEvent, at: Cell, cell: HTMLTableCellElement) => void) {
    this.#host = host;
    this.#activate = activate;
    host.addController(this);
  }

  hostUpdated(): void {
    this.#syncTabStop();
  }

  /** For `@focusin` on the table: the focused cell becomes the Tab stop. */
  readonly onFocus = (event: FocusEvent) => {
    const cell = (event.target as HTMLElement).closest<HTMLTableCellElement>("td, th");
    const row = cell?.parentElement as HTMLTableRowElement | null;
    if (!cell || !row) return;
    this.#active = { row: row.rowIndex, col: cell.cellIndex };
    this.#syncTabStop();
  };

  /** For `@keydown` on the table. */
  readonly onKey = (event: KeyboardEvent) => {
    const table = this.#table();
    if (!table) return;
    if (event.key === "Enter" || event.key === " ") {
      const cell = this.#cellAt(this.#active);
      if (cell) this.#activate(event, this.#active, cell);
      return;
    }
    const at = { row: Math.min(this.#active.row, table.rows.length - 1), col: this.#active.col };
    const next = moveCell(at, event.key, event.ctrlKey || event.metaKey, table.rows.length, table.rows[0]?.cells.length ?? 1);
    if (!next) return;
    event.preventDefault();
    this.#active = next;
    this.#syncTabStop();
    this.#tabStop?.focus();
  };

  #table(): HTMLTableElement | null {
    return this.#host.renderRoot.querySelector("table");
  }

  #cellAt(cell: Cell): HTMLTableCellElement | undefined {
    return this.#table()?.rows[cell.row]?.cells[cell.col];
  }

  /** The element that takes focus in a cell: its checkbox, sort button or link, else the cell. */
  #focusTarget(cell: HTMLTableCellElement): HTMLElement {
    return cell.querySelector<HTMLElement>("input, button, a[part=open]") ?? cell;
  }

  #syncTabStop(): void {
    const table = this.#table();
    if (!table) return;
    const rows = table.rows.length;
    const cols = table.rows[0]?.cells.length ?? 1;
    // Clamped for now, not forgotten: rows that are still loading make the first data row valid again.
    const cell = this.#cellAt({ row: Math.min(this.#active.row, rows - 1), col: Math.min(this.#active.col, cols - 1) });
    if (!cell) return;
    const target = this.#focusTarget(cell);
    if (target === this.#tabStop && target.isConnected) return;
    if (this.#tabStop?.isConnected) this.#tabStop.tabIndex = -1;
    target.tabIndex = 0;
    this.#tabStop = target;
  }
}
