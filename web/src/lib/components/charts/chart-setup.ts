import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';

/**
 * Chart.js with only the parts the dashboards draw (bars and doughnuts), so the lazily loaded
 * chunk stays small. Imported only through `import()` in Chart.svelte: it never reaches the
 * operator's first page.
 */
Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Tooltip, Legend);
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
Chart.defaults.color = '#1d2327';

export function drawChart(canvas: HTMLCanvasElement, config: { type: 'bar' | 'doughnut'; data: unknown; options: Record<string, unknown> }): Chart {
  return new Chart(canvas, config as unknown as ChartConfiguration);
}
