/**
 * What the benchmarks share: a scratch Postgres database beside DATABASE_URL's, and medians.
 * Benchmarks print figures; they never assert timings.
 */
import postgres from "postgres";

/** The median of some measurements. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Creates `weave_<name>_<pid>` beside the database of `adminUrl` (dropping a leftover one) and
 * returns its URL and how to drop it.
 *
 * @example
 *   const bench = await createBenchDatabase(process.env.DATABASE_URL!, "bench_api");
 *   try { ... } finally { await bench.drop(); }
 */
export async function createBenchDatabase(adminUrl: string, name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const database = `weave_${name}_${process.pid}`;
  const run = async (statement: string) => {
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(statement);
    } finally {
      await admin.end();
    }
  };
  await run(`drop database if exists "${database}" with (force)`);
  await run(`create database "${database}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return { url: url.toString(), drop: () => run(`drop database if exists "${database}" with (force)`) };
}

/** DATABASE_URL, or exit 2 with a message that says what the benchmark needs. */
export function requirePostgres(bench: string): string {
  const url = process.env.DATABASE_URL;
  if (url) return url;
  console.error(`${bench} needs Postgres: set DATABASE_URL (a user that may create databases); it creates and drops its own database beside that one`);
  process.exit(2);
}
