/**
 * uPlot options for the P&L page's two kinds of chart: bars per category (a day, an account,
 * a symbol), gains and losses in their own colours, with an optional line over them (the
 * running total). uPlot was chosen by measured size and speed: docs/charts.md.
 */
import uPlot from 'uplot';

export const GAIN = '#2f7d4f';
export const LOSS = '#b3261e';
export const LINE = '#1a5fb4';

const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** An amount as the page shows it: 2 decimals, thousands separated, a minus sign. */
export function formatMoney(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : money.format(value).replace('-', '−');
}

export interface CategoryChart {
  /** What a bar stands for (date, account, symbol): the legend's first entry. */
  xLabel: string;
  /** One label per bar, in order. */
  labels: string[];
  /** The bar of each label. */
  bars: number[];
  barLabel: string;
  /** A line over the bars, one value per label. */
  line?: number[];
  lineLabel?: string;
}

/** The data uPlot draws: x = 0..n−1, the bars split into gains and losses, then the line. */
export function chartData(chart: CategoryChart): uPlot.AlignedData {
  const xs = chart.labels.map((_, i) => i);
  const gains = chart.bars.map((v) => (v >= 0 ? v : null));
  const losses = chart.bars.map((v) => (v < 0 ? v : null));
  return chart.line ? [xs, gains, losses, chart.line] : [xs, gains, losses];
}

/** uPlot options for a category chart of the given size. */
export function chartOptions(chart: CategoryChart, width: number, height: number): uPlot.Options {
  const bars = uPlot.paths.bars!({ size: [0.6, 64], align: 0 });
  const labelAt = (i: number) => chart.labels[Math.round(i)] ?? '';
  const longest = chart.labels.reduce((w, l) => Math.max(w, l.length), 0);
  const [gain, loss] = chartLegend(chart);
  const series: uPlot.Series[] = [
    { label: chart.xLabel, value: (_u, i) => (i === null ? '' : labelAt(i)) },
    { label: gain.label, fill: GAIN, stroke: GAIN, paths: bars, points: { show: false }, value: (_u, v) => formatMoney(v) },
    { label: loss.label, fill: LOSS, stroke: LOSS, paths: bars, points: { show: false }, value: (_u, v) => formatMoney(v) },
  ];
  if (chart.line)
    series.push({
      label: chart.lineLabel ?? 'line',
      stroke: LINE,
      width: 2,
      points: { size: 6, fill: LINE },
      value: (_u, v) => formatMoney(v),
    });
  const labelRoom = longest > 10 ? 30 + longest * 4.5 : 40;
  return {
    width,
    // Turned labels take room from the plot: give it back, so every chart's bars are as tall.
    height: height + labelRoom - 40,
    series,
    scales: {
      x: { time: false, range: () => [-0.5, chart.labels.length - 0.5] },
      y: { range: (_u, min, max) => [Math.min(0, min) * 1.1, Math.max(0, max) * 1.1 || 1] },
    },
    axes: [
      {
        splits: () => chart.labels.map((_, i) => i),
        values: (_u, splits) => splits.map(labelAt),
        // Long labels (option symbols) turn so they do not overlap.
        rotate: longest > 10 ? -30 : 0,
        size: labelRoom,
        gap: 6,
      },
      { values: (_u, splits) => splits.map((v) => compact.format(v)), size: 60 },
    ],
    legend: { show: true },
    cursor: { points: { show: false }, drag: { x: false, y: false } },
  };
}

/** What each colour of the chart stands for. */
export function chartLegend(chart: CategoryChart): { label: string; colour: string }[] {
  return [
    { label: `${chart.barLabel} (gain)`, colour: GAIN },
    { label: `${chart.barLabel} (loss)`, colour: LOSS },
    ...(chart.line ? [{ label: chart.lineLabel ?? 'line', colour: LINE }] : []),
  ];
}

/** The chart as a PNG: a white page with the title and legend over uPlot's canvas (axes and series). */
export async function chartPng(plot: uPlot, chart: CategoryChart, title: string): Promise<Blob> {
  const source = plot.ctx.canvas;
  const ratio = source.width / plot.width;
  const titleHeight = Math.round(28 * ratio);
  const canvas = document.createElement('canvas');
  canvas.width = source.width;
  canvas.height = source.height + titleHeight;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#1d2329';
  ctx.font = `600 ${Math.round(14 * ratio)}px system-ui, sans-serif`;
  ctx.fillText(title, Math.round(8 * ratio), Math.round(19 * ratio));
  // The legend after the title, so the picture says which colour is what.
  ctx.font = `${Math.round(12 * ratio)}px system-ui, sans-serif`;
  let x = ctx.measureText(title).width * (14 / 12) + Math.round(32 * ratio);
  for (const { label, colour } of chartLegend(chart)) {
    ctx.fillStyle = colour;
    ctx.fillRect(x, Math.round(9 * ratio), Math.round(10 * ratio), Math.round(10 * ratio));
    ctx.fillStyle = '#1d2329';
    ctx.fillText(label, x + Math.round(14 * ratio), Math.round(18 * ratio));
    x += ctx.measureText(label).width + Math.round(32 * ratio);
  }
  ctx.drawImage(source, 0, titleHeight);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the chart could not be drawn as a PNG'))), 'image/png'),
  );
}
