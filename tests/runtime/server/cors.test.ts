import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Elysia } from "elysia";
import { checkSameOrigin } from "../../../runtime/auth/csrf.ts";
import { cors, trustedOrigins } from "../../../runtime/server/cors.ts";

const app = new Elysia().use(cors()).get("/api/x", () => ({ ok: true })).post("/api/x", () => ({ ok: true }));
const call = (init: RequestInit & { origin?: string }) =>
  app.handle(new Request("http://localhost/api/x", { ...init, headers: { ...(init.origin ? { origin: init.origin } : {}), ...(init.headers as Record<string, string>) } }));

const saved = process.env.WEAVE_TRUSTED_ORIGINS;
beforeAll(() => {
  process.env.WEAVE_TRUSTED_ORIGINS = "http://localhost:8000, https://shop.example.com/path, not a url";
});
afterAll(() => {
  if (saved === undefined) delete process.env.WEAVE_TRUSTED_ORIGINS;
  else process.env.WEAVE_TRUSTED_ORIGINS = saved;
});

describe("trusted origins", () => {
  test("are read from WEAVE_TRUSTED_ORIGINS as origins, bad entries dropped", () => {
    expect([...trustedOrigins()]).toEqual(["http://localhost:8000", "https://shop.example.com"]);
    expect(trustedOrigins({}).size).toBe(0);
  });

  test("a trusted origin's preflight is answered with credentials allowed", async () => {
    const response = await call({ method: "OPTIONS", origin: "http://localhost:8000", headers: { "access-control-request-method": "PATCH" } });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:8000");
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    expect(response.headers.get("access-control-allow-headers")).toContain("if-match");
  });

  test("a trusted origin's response is readable; another origin's is not", async () => {
    const trusted = await call({ method: "GET", origin: "https://shop.example.com" });
    expect(trusted.headers.get("access-control-allow-origin")).toBe("https://shop.example.com");
    expect(trusted.headers.get("vary")).toBe("Origin");
    const other = await call({ method: "GET", origin: "https://evil.example" });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  test("the CSRF check lets a trusted origin write and refuses others", () => {
    const request = (origin: string) => new Request("http://localhost:3000/api/x", { method: "POST", headers: { origin, "sec-fetch-site": "same-site" } });
    expect(() => checkSameOrigin(request("http://localhost:8000"))).not.toThrow();
    expect(() => checkSameOrigin(request("http://localhost:9999"))).toThrow(/cross-site/);
  });
});
