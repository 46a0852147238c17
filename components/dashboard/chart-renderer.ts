/**
 * The chart renderer behind `<weave-chart>`: Chart.js with only the pieces bar, line and pie
 * charts need. Built as its own module (`/weave/charts.js`), loaded the first time a chart is
 * shown, so pages without charts never download it.
 */
import { ArcElement, BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PieController, PointElement, Tooltip } from "chart.js";

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, PieController, ArcElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface ChartSpec {
  readonly type: "bar" | "line" | "pie";
  readonly labels: readonly string[];
  readonly series: readonly { readonly label: string; readonly values: readonly number[] }[];
  /** Colors for series (bar, line) or slices (pie), from the theme's tokens. */
  readonly colors: readonly string[];
  readonly text: string;
  readonly grid: string;
  /** Formats a value for the tooltip and the axis. */
  readonly format: (value: number) => string;
}

/**
 * Draws `spec` on `canvas`; returns what removes the chart.
 *
 * @example const destroy = renderChart(canvas, { type: "bar", labels: ["A"], series: [{ label: "n", values: [1] }], colors: ["#36f"], text: "#222", grid: "#ddd", format: String });
 */
export function renderChart(canvas: HTMLCanvasElement, spec: ChartSpec): () => void {
  const pie = spec.type === "pie";
  const chart = new Chart(canvas, {
    type: spec.type,
    data: {
      labels: [...spec.labels],
      datasets: spec.series.map((s, i) => ({
        label: s.label,
        data: [...s.values],
        backgroundColor: pie ? spec.labels.map((_, j) => spec.colors[j % spec.colors.length]!) : spec.colors[i % spec.colors.length]!,
        borderColor: pie ? "transparent" : spec.colors[i % spec.colors.length]!,
        tension: 0.25,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false, // respects reduced motion, and the data table is the source of truth anyway
      color: spec.text,
      plugins: {
        legend: { display: pie || spec.series.length > 1, labels: { color: spec.text } },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ""}: ${spec.format(Number(item.raw))}` } },
      },
      scales: pie
        ? {}
        : {
            x: { ticks: { color: spec.text }, grid: { color: spec.grid } },
            y: { beginAtZero: true, ticks: { color: spec.text, callback: (value) => spec.format(Number(value)) }, grid: { color: spec.grid } },
          },
    },
  });
  return () => chart.destroy();
}
