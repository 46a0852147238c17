/**
 * Rich text as weave stores it: HTML cut down by DOMPurify to headings, paragraphs, lists, links
 * and emphasis, before it is ever shown or set as a value.
 */
import DOMPurify from "dompurify";

const ALLOWED_TAGS = ["p", "br", "strong", "b", "em", "i", "u", "s", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote", "code", "pre"];

/**
 * The HTML with everything but simple formatting removed (scripts, handlers, styles, frames).
 *
 * @example sanitizeRichText('<p onclick="x()">Hi<script>bad()</script></p>') // "<p>Hi</p>"
 */
export function sanitizeRichText(html: string): string {
  return DOMPurify.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR: ["href"], ALLOW_DATA_ATTR: false });
}

/** Whether the HTML holds no text (an empty editor leaves `<br>` or empty paragraphs behind). */
export function isEmptyRichText(html: string): boolean {
  return html.replace(/<[^>]*>/g, "").replace(/&nbsp;|\s/g, "") === "";
}
