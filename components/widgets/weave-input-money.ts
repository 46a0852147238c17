/**
 * `<weave-input-money>`: an amount (an exact string such as "1250.00") with its currency's symbol
 * where the reader's locale puts it ("€ 12.50" or "12,50 €"), through Intl.
 */
import { html, nothing, type TemplateResult } from "lit";
import { WeaveInputNumber } from "./weave-input-number.ts";

/**
 * The currency symbol for a locale and whether it comes before the amount.
 *
 * @example currencyAffix("de", "EUR") // { symbol: "€", before: false }
 */
export function currencyAffix(locale: string, currency: string): { symbol: string; before: boolean } | undefined {
  try {
    const parts = new Intl.NumberFormat(locale, { style: "currency", currency }).formatToParts(1);
    const at = parts.findIndex((p) => p.type === "currency");
    const number = parts.findIndex((p) => p.type === "integer");
    if (at < 0) return undefined;
    return { symbol: parts[at]!.value, before: at < number };
  } catch {
    return undefined; // not an ISO 4217 code: show the amount alone
  }
}

/**
 * A money widget, usable in any `<form>`.
 *
 * @fires input - while typing (bubbles, composed)
 * @fires change - when the amount is committed, padded to the scale
 * @csspart field - the wrapper
 * @csspart label - the visible label
 * @csspart input - the amount input
 * @csspart currency - the currency symbol
 * @csspart help - the help text
 * @csspart error - the error message
 * @example <weave-input-money name="price" label="Price" currency="EUR" value="12.50"></weave-input-money>
 */
export class WeaveInputMoney extends WeaveInputNumber {
  static override properties = {
    ...WeaveInputNumber.properties,
    currency: { type: String },
  };

  /** ISO 4217 code; default: the field's fixed currency. */
  declare currency: string | undefined;

  protected override renderControl(describedBy: string | undefined): TemplateResult {
    const code = this.currency ?? this.field?.currency;
    const affix = code ? currencyAffix(this.session.i18n.locale, code) : undefined;
    // The symbol is decoration; the code is read with the label so a screen reader says "EUR".
    const symbol = affix ? html`<span part="currency" aria-hidden="true">${affix.symbol}</span>` : nothing;
    return html`<div class="affix">
      ${affix?.before ? symbol : nothing}${super.renderControl([describedBy, code ? "currency-code" : ""].filter(Boolean).join(" ") || undefined)}${affix && !affix.before ? symbol : nothing}
      ${code ? html`<span id="currency-code" class="visually-hidden">${code}</span>` : nothing}
    </div>`;
  }
}

if (!customElements.get("weave-input-money")) customElements.define("weave-input-money", WeaveInputMoney);

declare global {
  interface HTMLElementTagNameMap {
    "weave-input-money": WeaveInputMoney;
  }
}
