/**
 * Shared by the form browser tests: sign-in cookies are kept per role for the worker, so the
 * suite signs each role in once instead of once per test (the server limits login attempts).
 */
import type { Page } from "@playwright/test";
import type { Role } from "./fixtures.ts";

type Cookies = Awaited<ReturnType<ReturnType<Page["context"]>["cookies"]>>;
const cookies = new Map<Role, Cookies>();

/** Signs the page in as `role`, through the fixture's `login` the first time, from the kept cookies after. */
export async function signIn(page: Page, login: (page: Page, role: Role) => Promise<void>, role: Role): Promise<void> {
  const kept = cookies.get(role);
  if (kept) {
    await page.context().addCookies(kept);
    return;
  }
  await login(page, role);
  cookies.set(role, await page.context().cookies());
}
