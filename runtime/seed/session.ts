/**
 * What one seed run carries through its transaction: the model, the environment (for
 * `env:NAME` passwords), the tenant ids by key, the ids found by key, and the counts.
 */
import { CompiledQuery, type Transaction } from "kysely";
import type { IR } from "../../compiler/ir/index.ts";

/** How many entries of one kind were created, updated, or found as the seed has them. */
export interface SeedCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface SeedSession {
  readonly trx: Transaction<any>;
  readonly ir: IR;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Tenant key -> id. */
  readonly tenants: Map<string, string>;
  /** `<entity> <tenant> <key JSON>` -> record id, filled as records are found or written. */
  readonly ids: Map<string, string>;
  /** The tenant `app.tenant_id` is set to now, so RLS and the tenant_id default see it. */
  currentTenant: string | undefined;
}

export const noCounts = (): SeedCounts => ({ created: 0, updated: 0, unchanged: 0 });

/** Sets `app.tenant_id` for the statements that follow (transaction-local), when it changes. */
export async function useTenant(s: SeedSession, tenantId: string | undefined): Promise<void> {
  if (s.currentTenant === tenantId) return;
  await s.trx.executeQuery(CompiledQuery.raw("select set_config('app.tenant_id', $1, true)", [tenantId ?? ""]));
  s.currentTenant = tenantId;
}

/** The seed entries as the (readonly) IR holds them. */
export type IRSeed = IR["seed"];
export type IRSeedTenant = IRSeed["tenants"][number];
export type IRSeedUser = IRSeed["users"][number];
export type IRSeedRecord = NonNullable<IRSeed["records"][string]>[number];
