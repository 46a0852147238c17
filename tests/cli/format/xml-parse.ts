/**
 * A strict little XML reader for tests: enough to prove the JUnit report is well-formed (one root,
 * balanced tags, quoted attributes, known entities, no stray `<` or `&`) and to read it back.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Parses `xml` or throws naming the first problem. */
export function parseXml(xml: string): XmlElement {
  const body = xml.replace(/^<\?xml [^?]*\?>\n?/, "");
  const root: XmlElement = { name: "#document", attributes: {}, children: [], text: "" };
  const stack = [root];
  const tag = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  while (tag.lastIndex < body.length && (match = tag.exec(body))) {
    const [, closing, name, attrs, selfClosing, text] = match;
    const top = stack.at(-1)!;
    if (text !== undefined) top.text += decode(text);
    else if (closing) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
    } else {
      const element: XmlElement = { name: name!, attributes: parseAttributes(attrs!), children: [], text: "" };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  if (tag.lastIndex < body.length) throw new Error(`not well-formed at offset ${tag.lastIndex}: ${body.slice(tag.lastIndex, tag.lastIndex + 30)}`);
  if (stack.length !== 1) throw new Error(`<${stack.at(-1)!.name}> is never closed`);
  if (root.children.length !== 1 || root.text.trim() !== "") throw new Error("a document needs exactly one root element");
  return root.children[0]!;
}

function parseAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [, key, value] of text.matchAll(/([\w:.-]+)="([^"]*)"/g)) {
    if (key! in attributes) throw new Error(`duplicate attribute ${key}`);
    attributes[key!] = decode(value!);
  }
  return attributes;
}

function decode(text: string): string {
  if (/[<>]/.test(text.replaceAll(">", ""))) throw new Error(`raw < in ${text}`);
  return text.replace(/&([^;]*);|&/g, (whole, name: string | undefined) => {
    const value = name === undefined ? undefined : entities[name];
    if (value === undefined) throw new Error(`bad entity ${whole}`);
    return value;
  });
}
