/**
 * Just enough XML writing for the JUnit report.
 */

/**
 * Escapes text for an XML attribute or element, dropping characters XML 1.0 cannot hold.
 *
 * @example
 * escapeXml(`a < "b" & 'c'`); // "a &lt; &quot;b&quot; &amp; &apos;c&apos;"
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

/**
 * An element with escaped attributes; self-closing when it has no children.
 *
 * @example
 * element("failure", { type: "WV301" }, ["Unknown & bad"]); // `<failure type="WV301">Unknown &amp; bad</failure>`
 */
export function element(name: string, attributes: Record<string, string | number>, children: readonly string[] = []): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join("");
  return children.length === 0 ? `<${name}${attrs}/>` : `<${name}${attrs}>${children.join("")}</${name}>`;
}
