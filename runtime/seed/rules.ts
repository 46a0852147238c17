/**
 * The entity rules over seeded records: checked once every record is written (refs set), with
 * the same SQL the API's writes use, in the record's tenant.
 */
import type { IREntity } from "../../compiler/ir/index.ts";
import type { RequestContext } from "../server/context.ts";
import { checkRules } from "../write/checks.ts";
import type { WriteSession } from "../write/session.ts";
import { expressionVariables } from "../write/variables.ts";
import { describe, SeedError, seedErrorOf } from "./errors.ts";
import { type IRSeedRecord, type SeedSession, useTenant } from "./session.ts";

/** A record the seed created or changed. */
export interface Written {
  readonly entity: IREntity;
  readonly record: IRSeedRecord;
  readonly id: string;
}

/**
 * Throws a SeedError for the first record that breaks a rule of its entity.
 *
 * @example await checkSeededRules(s, written);
 */
export async function checkSeededRules(s: SeedSession, written: readonly Written[]): Promise<void> {
  for (const { entity, record, id } of written) {
    if (entity.rules.length === 0) continue;
    const tenantId = entity.tenant && record.tenant !== undefined ? (s.tenants.get(record.tenant) ?? null) : null;
    await useTenant(s, tenantId ?? undefined);
    try {
      await checkRules(sessionFor(s, tenantId), entity, id);
    } catch (error) {
      const located = seedErrorOf(error, entity, record);
      if (!located) throw error;
      throw new SeedError(record.origin, describe(entity, record), located.problems.map((p) => ({ ...p, message: `${p.message} (rule)` })));
    }
  }
}

/** The write session checkRules reads: the transaction, the model, and who is asking (nobody, in the tenant). */
function sessionFor(s: SeedSession, tenantId: string | null): WriteSession {
  const identity = { userId: null, roles: [], tenantId, tenantRoles: [] };
  // checkRules reads only the model and the identity of its context; a seed has no server around it.
  const ctx = { requestId: "seed", identity, ir: s.ir } as unknown as RequestContext;
  return { ctx, trx: s.trx, variables: expressionVariables(s.ir, identity), emit: () => {}, audit: () => {} };
}
