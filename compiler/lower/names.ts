/**
 * Naming conventions between the model and generated artifacts.
 *
 * @example
 *   snakeCase("InvoiceLine");  // "invoice_line"
 *   tableName("Category");     // "categories"
 *   humanize("paidAmount");    // "Paid amount"
 */
export function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/([A-Z])([A-Z][a-z])/g, "$1_$2").toLowerCase();
}

/** English plural of a word, good enough for generated names; users override with `plural:`. */
export function pluralize(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}

/** The table of an entity: snake_case plural. */
export function tableName(entity: string): string {
  return pluralize(snakeCase(entity));
}

/** A label from a name: words split at capitals, first letter upper case. */
export function humanize(name: string): string {
  const words = snakeCase(name).split("_").join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `tags` -> `Tags`. */
export function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** `InvoiceLine` -> `invoiceLine`. */
export function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
