/**
 * The optional widgets, built as their own module (`/weave/extras.js`) beside the bundle: the
 * rich-text editor and its sanitizer (DOMPurify). A form loads it the first time it needs one of
 * them (components/core/optional.ts); a page that uses them directly imports it:
 *
 * @example <script type="module" src="https://books.example.com/weave/extras.js"></script>
 */
import "./widgets/weave-input-richtext.ts";
