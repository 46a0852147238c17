/**
 * A small metrics registry that renders the Prometheus text exposition format (version 0.0.4).
 * Counters, gauges and histograms with fixed label names; a value per distinct label tuple.
 * Written by hand: the format is a page long, and the usual client library brings Node-specific
 * collectors and a global default registry we do not want (every server gets its own registry).
 *
 * @example
 *   const metrics = new Metrics();
 *   const requests = metrics.counter("weave_http_requests_total", "Requests answered.", ["method", "status"]);
 *   requests.inc(["GET", "200"]);
 *   metrics.render(); // "# HELP weave_http_requests_total Requests answered.\n# TYPE ... counter\nweave_http_requests_total{method=\"GET\",status=\"200\"} 1\n"
 */

/** The content type of `render()`'s output. */
export const EXPOSITION_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

/** Request durations in seconds: 5 ms to 10 s, the range an API route lives in. */
export const DURATION_BUCKETS: readonly number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Metric {
  render(): string;
}

/** One labelled series: its label values and its state. */
interface Series<T> {
  readonly labels: readonly string[];
  value: T;
}

// Label tuples are joined with a character that cannot occur in route patterns, methods or statuses.
const SEP = "\u0000";

abstract class Labelled<T> implements Metric {
  protected readonly series = new Map<string, Series<T>>();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly string[],
    private readonly type: "counter" | "gauge" | "histogram",
  ) {
    checkName(name);
    for (const label of labelNames) checkName(label);
  }

  protected entry(labels: readonly string[]): Series<T> {
    if (labels.length !== this.labelNames.length) throw new Error(`${this.name} takes labels ${this.labelNames.join(", ")}, got ${labels.length} values`);
    const key = labels.join(SEP);
    let found = this.series.get(key);
    if (!found) {
      found = { labels: [...labels], value: this.initial() };
      this.series.set(key, found);
    }
    return found;
  }

  protected abstract initial(): T;
  protected abstract lines(series: Series<T>): string[];

  render(): string {
    const head = `# HELP ${this.name} ${escapeHelp(this.help)}\n# TYPE ${this.name} ${this.type}\n`;
    let body = "";
    for (const series of this.series.values()) for (const line of this.lines(series)) body += `${line}\n`;
    return head + body;
  }

  protected labelText(labels: readonly string[], extra?: [string, string]): string {
    const pairs = this.labelNames.map((name, i) => `${name}="${escapeLabel(labels[i]!)}"`);
    if (extra) pairs.push(`${extra[0]}="${extra[1]}"`);
    return pairs.length > 0 ? `{${pairs.join(",")}}` : "";
  }
}

/** Reads current values at render time: `[labels, value]` pairs that replace the stored ones. */
export type Collect = () => readonly (readonly [readonly string[], number])[];

/** A value that only goes up: incremented, or read when rendered through `collect`. */
export class Counter extends Labelled<number> {
  constructor(
    name: string,
    help: string,
    labelNames: readonly string[] = [],
    private readonly collect?: Collect,
  ) {
    super(name, help, labelNames, "counter");
  }

  override render(): string {
    if (this.collect) for (const [labels, value] of this.collect()) this.entry(labels).value = value;
    return super.render();
  }

  inc(labels: readonly string[] = [], by = 1): void {
    this.entry(labels).value += by;
  }

  /** The current value, for tests. */
  get(labels: readonly string[] = []): number {
    return this.series.get(labels.join(SEP))?.value ?? 0;
  }

  protected initial(): number {
    return 0;
  }

  protected lines(series: Series<number>): string[] {
    return [`${this.name}${this.labelText(series.labels)} ${formatNumber(series.value)}`];
  }
}

/** A value that goes up and down: set directly, or read when rendered through `collect`. */
export class Gauge extends Labelled<number> {
  constructor(
    name: string,
    help: string,
    labelNames: readonly string[] = [],
    private readonly collect?: Collect,
  ) {
    super(name, help, labelNames, "gauge");
  }

  set(labels: readonly string[], value: number): void {
    this.entry(labels).value = value;
  }

  add(labels: readonly string[], by: number): void {
    this.entry(labels).value += by;
  }

  get(labels: readonly string[] = []): number {
    return this.series.get(labels.join(SEP))?.value ?? 0;
  }

  override render(): string {
    if (this.collect) for (const [labels, value] of this.collect()) this.set(labels, value);
    return super.render();
  }

  protected initial(): number {
    return 0;
  }

  protected lines(series: Series<number>): string[] {
    return [`${this.name}${this.labelText(series.labels)} ${formatNumber(series.value)}`];
  }
}

interface HistogramState {
  /** Observations per bucket (not cumulative); the last slot is +Inf. */
  readonly counts: number[];
  sum: number;
  count: number;
}

/** Observations counted into cumulative buckets, with their sum and count. */
export class Histogram extends Labelled<HistogramState> {
  readonly buckets: readonly number[];

  constructor(name: string, help: string, labelNames: readonly string[] = [], buckets: readonly number[] = DURATION_BUCKETS) {
    super(name, help, labelNames, "histogram");
    if (buckets.some((b, i) => i > 0 && b <= buckets[i - 1]!)) throw new Error(`${name}: buckets must increase`);
    this.buckets = buckets;
  }

  observe(labels: readonly string[], value: number): void {
    const state = this.entry(labels).value;
    let i = 0;
    while (i < this.buckets.length && value > this.buckets[i]!) i++;
    state.counts[i]!++;
    state.sum += value;
    state.count++;
  }

  /** Count and sum of one series, for tests. */
  get(labels: readonly string[] = []): { count: number; sum: number } {
    const state = this.series.get(labels.join(SEP))?.value;
    return { count: state?.count ?? 0, sum: state?.sum ?? 0 };
  }

  protected initial(): HistogramState {
    return { counts: new Array<number>(this.buckets.length + 1).fill(0), sum: 0, count: 0 };
  }

  protected lines(series: Series<HistogramState>): string[] {
    const lines: string[] = [];
    let cumulative = 0;
    for (let i = 0; i <= this.buckets.length; i++) {
      cumulative += series.value.counts[i]!;
      const le = i < this.buckets.length ? formatNumber(this.buckets[i]!) : "+Inf";
      lines.push(`${this.name}_bucket${this.labelText(series.labels, ["le", le])} ${cumulative}`);
    }
    lines.push(`${this.name}_sum${this.labelText(series.labels)} ${formatNumber(series.value.sum)}`);
    lines.push(`${this.name}_count${this.labelText(series.labels)} ${series.value.count}`);
    return lines;
  }
}

/** The metrics of one server, rendered together. */
export class Metrics {
  readonly #metrics: Metric[] = [];
  readonly #names = new Set<string>();

  counter(name: string, help: string, labelNames: readonly string[] = [], collect?: Collect): Counter {
    return this.#add(name, new Counter(name, help, labelNames, collect));
  }

  gauge(name: string, help: string, labelNames: readonly string[] = [], collect?: Collect): Gauge {
    return this.#add(name, new Gauge(name, help, labelNames, collect));
  }

  histogram(name: string, help: string, labelNames: readonly string[] = [], buckets?: readonly number[]): Histogram {
    return this.#add(name, new Histogram(name, help, labelNames, buckets));
  }

  /** The exposition text of every metric, in the order they were added. */
  render(): string {
    return this.#metrics.map((m) => m.render()).join("");
  }

  #add<M extends Metric>(name: string, metric: M): M {
    if (this.#names.has(name)) throw new Error(`metric ${name} is registered twice`);
    this.#names.add(name);
    this.#metrics.push(metric);
    return metric;
  }
}

function checkName(name: string): void {
  if (!/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(name)) throw new Error(`invalid metric or label name: ${JSON.stringify(name)}`);
}

function escapeLabel(value: string): string {
  return value.replace(/[\\"\n]/g, (c) => (c === "\n" ? "\\n" : `\\${c}`));
}

function escapeHelp(value: string): string {
  return value.replace(/[\\\n]/g, (c) => (c === "\n" ? "\\n" : "\\\\"));
}

function formatNumber(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  return String(value);
}
