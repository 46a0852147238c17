/**
 * What every browser test gets: the seeded demo users, `login(page, role)` through the API (the
 * page then carries the session cookie), and `mountHtml(page, html)` to try one element on a blank
 * same-origin page that loads the weave bundle.
 */
import { test as base, expect, type Page } from "@playwright/test";

export const USERS = {
  admin: { email: "admin@acme.test", password: "demo-admin-1" },
  billing: { email: "billing@acme.test", password: "demo-billing-1" },
  viewer: { email: "viewer@acme.test", password: "demo-viewer-1" },
} as const;

export type Role = keyof typeof USERS;

interface Fixtures {
  /** Signs the page's browser context in as a demo user (session cookie). */
  login: (page: Page, role: Role) => Promise<void>;
  /** Opens a blank page of the server's origin that loads /weave/weave.js, with `html` in its body. */
  mountHtml: (page: Page, html: string) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  login: async ({ baseURL }, use) => {
    await use(async (page, role) => {
      const response = await page.request.post(`${baseURL}/api/auth/login`, { data: USERS[role] });
      expect(response.status(), `login as ${role}: ${await response.text()}`).toBe(200);
    });
  },
  mountHtml: async ({ baseURL }, use) => {
    await use(async (page, html) => {
      const url = `${baseURL}/__mount`;
      await page.route(url, (route) =>
        route.fulfill({
          contentType: "text/html",
          body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>mount</title><script type="module" src="/weave/weave.js"></script></head><body>${html}</body></html>`,
        }),
      );
      await page.goto(url);
      await page.waitForFunction(() => customElements.get("weave-app") !== undefined);
    });
  },
});

export { expect };
