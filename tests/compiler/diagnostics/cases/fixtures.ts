/**
 * Entities the diagnostic cases share: small, valid, and with a read policy so that they add no
 * diagnostic of their own.
 */
import { yaml } from "../../../helpers/spec-app.ts";

/** A customer, keyed by its code. */
export const CUSTOMER = yaml`
  {schema}
  entity: Customer
  key: code
  fields:
    code: { type: slug, required: true, unique: true }
    name: { type: string, required: true }
  policies:
    read: "true"
`;

/** An invoice with a ref to Customer and a lifecycle. */
export const INVOICE = yaml`
  {schema}
  entity: Invoice
  key: number
  fields:
    number: { type: string, required: true, unique: true }
    customer: { type: ref, to: Customer, required: true }
    total: { type: money, currency: EUR }
    status: { type: state, machine: lifecycle }
  states:
    lifecycle:
      initial: draft
      transitions:
        send: { from: draft, to: sent }
        pay: { from: sent, to: paid }
  policies:
    read: "true"
`;

export const TAG = yaml`
  {schema}
  entity: Tag
  fields:
    name: { type: string, required: true }
  policies:
    read: "true"
`;
