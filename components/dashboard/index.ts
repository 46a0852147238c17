/** Dashboards and charts. */
import "./weave-chart.ts";
import "./weave-dashboard.ts";
import "./weave-playground.ts";
