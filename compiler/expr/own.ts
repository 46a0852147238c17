/**
 * Lookup by a name taken from an expression. Plain `record[name]` would find `toString` or `constructor`
 * on Object.prototype; names written by users must only ever find own keys.
 */

/**
 * `record[key]` if `key` is an own key of `record`, else undefined.
 *
 * @example own({ total: 1 }, "constructor") // undefined
 */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
