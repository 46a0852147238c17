/**
 * A spec with every field type, a serial id, an id-less entity with a compound key, a polymorphic
 * ref, many-to-many, and names that collide with CRUD operation ids: the cases the invoicing
 * example does not have.
 */
import { yaml } from "../../../helpers/spec-app.ts";

export const KITCHEN_SINK = {
  "domain/ticket.entity.yaml": yaml`
    {schema}
    entity: Ticket
    tenant: true
    id: serial
    key: code
    fields:
      code: { type: slug, required: true, maxLength: 20 }
      title: { type: string, required: true, minLength: 3, maxLength: 80 }
      body: { type: richtext }
      priority: { type: enum, values: [low, normal, high], default: normal, required: true }
      status: { type: state, machine: flow }
      points: { type: int, min: 0, max: 100 }
      budget: { type: money }
      rate: { type: decimal, precision: 6, scale: 3, min: 0 }
      due: { type: date }
      closedAt: { type: datetime, readonly: true }
      ref: { type: uuid }
      site: { type: url }
      contact: { type: email }
      done: { type: boolean, default: false }
      extra: { type: json }
      attachment: { type: file, accept: [image/*] }
      secret: { type: string, encrypted: true }
      owner: { type: ref, to: Agent }
      subject: { type: ref, to: [Agent, Team] }
      contacts:
        type: embedded
        array: true
        fields:
          name: { type: string, required: true }
          phone: { type: string }
      place:
        type: embedded
        fields:
          city: { type: string, required: true }
          zip: { type: string }
      doubled: { type: decimal, computed: "rate * 2" }
      labels: { type: many-to-many, to: Label }
    states:
      flow:
        initial: open
        transitions:
          close: { from: open, to: closed }
          delete: { from: open, to: deleted }
    actions:
      list: { scope: collection, output: { total: { type: int, required: true }, note: { type: string } } }
      reassign:
        scope: record
        input:
          agent: { type: ref, to: Agent, required: true }
          reason: { type: string, maxLength: 200 }
        output: Ticket
      ping: { scope: record }
    search: [title]
    policies:
      read: "true"
      write: "true"
  `,
  "domain/agent.entity.yaml": yaml`
    {schema}
    entity: Agent
    tenant: true
    fields:
      name: { type: string, required: true }
      tickets: { type: many, to: Ticket, inverse: owner }
    policies:
      read: "true"
  `,
  "domain/team.entity.yaml": yaml`
    {schema}
    entity: Team
    fields:
      name: { type: string, required: true }
    policies:
      read: "true"
  `,
  "domain/label.entity.yaml": yaml`
    {schema}
    entity: Label
    tenant: true
    fields:
      name: { type: string, required: true }
    policies:
      read: "true"
  `,
  "domain/shift.entity.yaml": yaml`
    {schema}
    entity: Shift
    tenant: true
    id: none
    key: [agent, day]
    fields:
      agent: { type: ref, to: Agent, required: true }
      day: { type: date, required: true }
      hours: { type: int }
    policies:
      read: "true"
  `,
};
