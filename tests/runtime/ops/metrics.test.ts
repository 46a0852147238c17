import { describe, expect, test } from "bun:test";
import { httpMetrics } from "../../../runtime/ops/http-metrics.ts";
import { Metrics } from "../../../runtime/ops/metrics.ts";

describe("Prometheus text exposition", () => {
  test("a counter with labels: HELP, TYPE, one line per label tuple", () => {
    const metrics = new Metrics();
    const requests = metrics.counter("requests_total", "Requests.", ["method", "status"]);
    requests.inc(["GET", "200"]);
    requests.inc(["GET", "200"]);
    requests.inc(["POST", "201"], 3);
    expect(metrics.render()).toBe(
      [
        "# HELP requests_total Requests.",
        "# TYPE requests_total counter",
        'requests_total{method="GET",status="200"} 2',
        'requests_total{method="POST",status="201"} 3',
        "",
      ].join("\n"),
    );
  });

  test("a histogram: cumulative buckets, +Inf, sum and count", () => {
    const metrics = new Metrics();
    const duration = metrics.histogram("duration_seconds", "Duration.", ["route"], [0.1, 1]);
    duration.observe(["/a"], 0.05);
    duration.observe(["/a"], 0.1);
    duration.observe(["/a"], 0.5);
    duration.observe(["/a"], 3);
    expect(metrics.render()).toBe(
      [
        "# HELP duration_seconds Duration.",
        "# TYPE duration_seconds histogram",
        'duration_seconds_bucket{route="/a",le="0.1"} 2',
        'duration_seconds_bucket{route="/a",le="1"} 3',
        'duration_seconds_bucket{route="/a",le="+Inf"} 4',
        'duration_seconds_sum{route="/a"} 3.65',
        'duration_seconds_count{route="/a"} 4',
        "",
      ].join("\n"),
    );
  });

  test("gauges without labels, and gauges read at render time", () => {
    const metrics = new Metrics();
    metrics.gauge("in_flight", "In flight.").set([], 2);
    let value = 1;
    metrics.gauge("read_late", "Read late.", ["kind"], () => [[["a"], value]]);
    value = 7;
    expect(metrics.render()).toContain("in_flight 2\n");
    expect(metrics.render()).toContain('read_late{kind="a"} 7\n');
  });

  test("label values and help text are escaped", () => {
    const metrics = new Metrics();
    metrics.counter("odd_total", "Back\\slash and\nnewline.", ["v"]).inc(['a"b\\c\nd']);
    expect(metrics.render()).toBe('# HELP odd_total Back\\\\slash and\\nnewline.\n# TYPE odd_total counter\nodd_total{v="a\\"b\\\\c\\nd"} 1\n');
  });

  const invalid: [string, { given: () => void; want: string }][] = [
    ["a bad metric name", { given: () => new Metrics().counter("bad-name", "x"), want: "invalid metric or label name" }],
    ["a bad label name", { given: () => new Metrics().counter("ok", "x", ["bad label"]), want: "invalid metric or label name" }],
    ["a name registered twice", { given: () => { const m = new Metrics(); m.counter("a", "x"); m.gauge("a", "y"); }, want: "registered twice" }],
    ["the wrong number of labels", { given: () => new Metrics().counter("a", "x", ["one"]).inc([]), want: "takes labels one" }],
    ["buckets that do not increase", { given: () => new Metrics().histogram("h", "x", [], [1, 1]), want: "buckets must increase" }],
  ];
  test.each(invalid)("refuses %s", (_name, { given, want }) => {
    expect(given).toThrow(want);
  });
});

describe("weave's HTTP metrics", () => {
  test("record counts by route, method and status; 5xx also as errors; durations per route", () => {
    const http = httpMetrics({ app: "invoicing", hash: "sha256:abc" });
    http.record({ method: "GET", route: "/api/invoices/:id", status: 200, seconds: 0.004 });
    http.record({ method: "GET", route: "/api/invoices/:id", status: 404, seconds: 0.002 });
    http.record({ method: "POST", route: "/api/invoices", status: 503, seconds: 0.2 });
    expect(http.requests.get(["GET", "/api/invoices/:id", "200"])).toBe(1);
    expect(http.requests.get(["GET", "/api/invoices/:id", "404"])).toBe(1);
    expect(http.errors.get(["GET", "/api/invoices/:id"])).toBe(0);
    expect(http.errors.get(["POST", "/api/invoices"])).toBe(1);
    expect(http.duration.get(["GET", "/api/invoices/:id"])).toEqual({ count: 2, sum: 0.006 });
    const text = http.registry.render();
    expect(text).toContain('weave_http_request_duration_seconds_bucket{method="GET",route="/api/invoices/:id",le="0.005"} 2\n');
    expect(text).toContain('weave_app_info{app="invoicing",hash="sha256:abc"} 1\n');
    expect(text).toContain("weave_http_requests_in_flight 0\n");
    expect(text).toMatch(/^process_resident_memory_bytes \d+$/m);
    expect(text).toMatch(/^process_cpu_seconds_total [\d.e-]+$/m);
    expect(text).toMatch(/^# TYPE process_cpu_seconds_total counter$/m);
  });

  test("every sample line parses as name{labels} value", () => {
    const http = httpMetrics();
    http.record({ method: "GET", route: "/x", status: 200, seconds: 0.01 });
    const samples = http.registry.render().split("\n").filter((l) => l !== "" && !l.startsWith("#"));
    for (const line of samples) expect(line).toMatch(/^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\.)*",?)*\})? (-?[\d.]+(e[-+]?\d+)?|\+Inf|NaN)$/);
  });
});
