/** Small helpers for writing TypeScript source text. */

/** A JSDoc comment on one line, or several when the text has line breaks; `*\/` cannot end it early. */
export function doc(text: string | undefined, indent = ""): string {
  if (!text) return "";
  const lines = text.replace(/\*\//g, "*\\/").trim().split("\n");
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((line) => `${indent} *${line ? ` ${line}` : ""}`).join("\n")}\n${indent} */\n`;
}

/** A string literal type or value. */
export const literal = (value: string): string => JSON.stringify(value);

/** `"a" | "b" | ...` wrapped to lines of about 100 characters; `never` when empty. */
export function unionOf(values: readonly string[], indent = ""): string {
  if (values.length === 0) return "never";
  const members = values.map(literal);
  const lines: string[] = [];
  let line = "";
  for (const member of members) {
    const next = line ? `${line} | ${member}` : member;
    if (next.length > 96 - indent.length && line) {
      lines.push(line);
      line = member;
    } else line = next;
  }
  lines.push(line);
  return lines.length === 1 ? lines[0]! : `\n${lines.map((l) => `${indent}  | ${l}`).join("\n")}`;
}

/** A section heading in the generated file. */
export function heading(title: string): string {
  return `// ${title} ${"-".repeat(Math.max(3, 96 - title.length))}`;
}
