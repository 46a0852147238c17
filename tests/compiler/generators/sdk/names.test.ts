/** The SDK's names: collections, and method names that give way to the fixed ones. */
import { describe, expect, test } from "bun:test";
import { camel, collectionNames, memberNames, typeNames, unique } from "../../../../compiler/generators/sdk/names.ts";
import { loadSpec } from "../../../helpers/spec-app.ts";
import { KITCHEN_SINK } from "../openapi/kitchen-sink.ts";

const sink = (await loadSpec(KITCHEN_SINK)).ir;
const entity = (name: string) => sink.entities.find((e) => e.name === name)!;

describe("names", () => {
  test.each([["invoices", "invoices"], ["invoice_lines", "invoiceLines"], ["ticket_labels_link", "ticketLabelsLink"]])("camel(%s)", (given, want) => {
    expect(camel(given)).toBe(want);
  });

  test("a transition or action named like a fixed method gets its kind as a suffix", () => {
    const members = memberNames(entity("Ticket"));
    expect(Object.fromEntries(members.transitions)).toEqual({ close: "close", delete: "deleteTransition" });
    expect(Object.fromEntries(members.actions)).toEqual({ list: "listAction", reassign: "reassign", ping: "ping" });
    expect(Object.fromEntries(members.related)).toEqual({ labels: "labels" });
  });

  test("collections are the tables in camelCase; the client's own members stay theirs", () => {
    expect(collectionNames(sink).get("Ticket")).toBe("tickets");
    expect(collectionNames(sink).get("Shift")).toBe("shifts");
    const taken = new Set(["auth"]);
    expect([unique(taken, "auth", "Collection"), unique(taken, "auth", "Collection"), unique(taken, "tickets", "Collection")]).toEqual(["authCollection", "authCollection2", "tickets"]);
  });

  test("an enum union named like a generated type gets `Value`", () => {
    const names = typeNames(entity("Ticket"));
    expect(names.union("priority")).toBe("TicketPriority");
    expect(names.union("filter")).toBe("TicketFilterValue");
    expect(names.actionInput("reassign")).toBe("TicketReassignInput");
  });
});
