/**
 * Collects what is wrong with a request's query string, so one 400 names every problem at once.
 */
import type { ProblemItem } from "../server/errors.ts";
import { badRequest } from "../server/errors.ts";

export class Problems {
  readonly items: ProblemItem[] = [];

  add(path: string, message: string, code: string): void {
    this.items.push({ path, message, code });
  }

  /** Throws one badRequest whose detail joins the messages and whose `errors` lists each. */
  throwIfAny(): void {
    if (this.items.length === 0) return;
    const detail = this.items.map((p) => `${p.path.slice(1)}: ${p.message}`).join("; ");
    throw badRequest(detail, this.items);
  }
}

/** "a, b and c", for messages that name what is allowed. */
export function listOf(names: readonly string[]): string {
  if (names.length === 0) return "none";
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
