/**
 * `weave i18n extract`: adds the model's missing keys to each locale file, keeps texts, comments
 * and order, marks untranslated texts, lists unused keys, and `--check` fails without writing.
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { tempApps, weave } from "../temp-app.ts";

const files = {
  "weave.yaml": "{schema:app}\nweave: 0\napp: demo\nlocales: { default: en, supported: [en, de] }\n",
  "domain/customer.entity.yaml": "{schema:entity}\nentity: Customer\nfields:\n  name: { type: string, label: Name, required: true, help: The company's name. }\n  tier: { type: enum, values: [basic, gold] }\npolicies:\n  read: \"true\"\n",
  "i18n/de.yaml": "{schema:i18n}\n# Deutsch\nmessages:\n  # Kunden\n  entity.Customer.label: Kunde\n  entity.Gone.label: Weg\n  app.welcome: Willkommen\n",
};

let apps: ReturnType<typeof tempApps>;
beforeEach(() => {
  apps = tempApps({ demo: files });
});
afterEach(() => apps.remove());
const read = (path: string) => readFileSync(join(apps.dir, "demo", path), "utf8");

describe("weave i18n extract", () => {
  test("creates the default locale's file with every key and the model's texts", async () => {
    const { code, out } = await weave(apps.dir, ["i18n", "extract", "demo"]);
    expect(code).toBe(0);
    expect(out).toContain("demo/i18n/en.yaml: 7 added, 0 removed, 0 unused");
    const en = read("i18n/en.yaml");
    expect(en).toStartWith("# yaml-language-server: $schema=");
    expect(parse(en).messages).toEqual({
      "entity.Customer.label": "Customer",
      "entity.Customer.plural": "Customers",
      "entity.Customer.field.name.label": "Name",
      "entity.Customer.field.name.help": "The company's name.",
      "entity.Customer.field.tier.label": "Tier",
      "enum.Customer.tier.basic": "Basic",
      "enum.Customer.tier.gold": "Gold",
    });
    expect(en).not.toContain("untranslated");
  });

  test("keeps existing translations and comments, marks added texts untranslated, lists unused keys", async () => {
    const { code, out } = await weave(apps.dir, ["i18n", "extract", "demo", "--locale", "de"]);
    expect(code).toBe(0);
    expect(out).toContain("demo/i18n/de.yaml: 6 added, 0 removed, 1 unused\n  unused entity.Gone.label\n");
    const de = read("i18n/de.yaml");
    expect(de).toContain("# Deutsch\nmessages:\n  # Kunden\n  entity.Customer.label: Kunde\n");
    expect(de).toContain("  entity.Customer.plural: Customers # untranslated\n");
    expect(parse(de).messages["app.welcome"]).toBe("Willkommen");
    expect(existsSync(join(apps.dir, "demo/i18n/en.yaml"))).toBe(false);
  });

  test("--prune removes unused keys; a second run changes nothing", async () => {
    await weave(apps.dir, ["i18n", "extract", "demo", "--prune"]);
    expect(parse(read("i18n/de.yaml")).messages["entity.Gone.label"]).toBeUndefined();
    const before = read("i18n/de.yaml");
    const { out } = await weave(apps.dir, ["i18n", "extract", "demo"]);
    expect(out).toContain("demo/i18n/de.yaml: 0 added, 0 removed, 0 unused");
    expect(read("i18n/de.yaml")).toBe(before);
  });

  test("--check writes nothing and fails while keys are missing, then passes", async () => {
    const original = read("i18n/de.yaml");
    const failing = await weave(apps.dir, ["i18n", "extract", "demo", "--check", "--json"]);
    expect(failing.code).toBe(1);
    const report = JSON.parse(failing.out);
    expect(report.locales.find((l: { locale: string }) => l.locale === "de").added).toContain("entity.Customer.plural");
    expect(read("i18n/de.yaml")).toBe(original);
    await weave(apps.dir, ["i18n", "extract", "demo"]);
    expect((await weave(apps.dir, ["i18n", "extract", "demo", "--check"])).code).toBe(0);
  });

  test("a missing or unknown action, or a locale the app lacks, is a usage error", async () => {
    expect((await weave(apps.dir, ["i18n", "demo"])).code).toBe(2);
    expect((await weave(apps.dir, ["i18n"])).err).toContain("missing action");
    expect((await weave(apps.dir, ["i18n", "extract", "demo", "--locale", "fr"])).err).toContain("'fr' is not among the app's locales (en, de)");
  });
});

test("the invoicing example's locale files hold every key of its model", async () => {
  const { repoRoot } = await import("../temp-app.ts");
  const { code, out } = await weave(repoRoot, ["i18n", "extract", "examples/invoicing", "--check"]);
  expect(out).toContain("i18n/en.yaml: 0 missing");
  expect(code).toBe(0);
});
