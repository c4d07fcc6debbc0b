/**
 * Small charts that GitHub renders without an image host: a Mermaid `xychart-beta` (rendered in
 * issues, comments and job summaries) and a one-line text histogram for tables.
 */

export interface ChartSeries {
  name: string;
  values: readonly number[];
}

export interface XyChart {
  title: string;
  /** Category labels along the x axis, one per value. */
  labels: readonly string[];
  yLabel: string;
  /** Drawn as bars (the first series, e.g. the reference) … */
  bars: ChartSeries;
  /** … and a line over them (e.g. the current data). */
  line: ChartSeries;
}

/** Text inside a Mermaid string: double quotes are not allowed, so they become single ones. */
function quoted(text: string): string {
  return `"${text.replace(/"/g, "'").replace(/[\r\n]+/g, ' ')}"`;
}

function numbers(values: readonly number[]): string {
  return `[${values.map((value) => (Number.isFinite(value) ? Number(value.toPrecision(4)) : 0)).join(', ')}]`;
}

/**
 * A Mermaid xychart-beta block with the bars and the line on one y axis (0 to the largest value).
 * Mermaid has no legend for xychart, so the title names both series.
 */
export function mermaidXyChart(chart: XyChart): string {
  const top = Math.max(0, ...chart.bars.values, ...chart.line.values);
  return [
    '```mermaid',
    'xychart-beta',
    `  title ${quoted(`${chart.title} (bars: ${chart.bars.name}, line: ${chart.line.name})`)}`,
    `  x-axis [${chart.labels.map(quoted).join(', ')}]`,
    `  y-axis ${quoted(chart.yLabel)} 0 --> ${Number((top * 1.05 || 1).toPrecision(3))}`,
    `  bar ${numbers(chart.bars.values)}`,
    `  line ${numbers(chart.line.values)}`,
    '```',
  ].join('\n');
}

const BLOCKS = '▁▂▃▄▅▆▇█';

/** Values as a row of block characters scaled to the largest one (all equal zero: the lowest block). */
export function textHistogram(values: readonly number[]): string {
  const top = Math.max(0, ...values);
  return values
    .map((value) => {
      if (!(top > 0) || !(value > 0)) return BLOCKS[0];
      return BLOCKS[Math.min(BLOCKS.length - 1, Math.round((value / top) * (BLOCKS.length - 1)))];
    })
    .join('');
}

/** At most this many points per line chart: Mermaid draws them evenly spaced along the x axis. */
const MAX_LINE_POINTS = 60;

/**
 * One metric's curve as a Mermaid xychart-beta line over its steps (1 … last), thinned to at most
 * 60 evenly spaced points, the last one always kept; the y axis spans the values with a margin.
 */
export function mermaidLineChart(chart: { title: string; xLabel: string; yLabel: string; values: readonly number[] }): string {
  const values = chart.values;
  const picked = values.length <= MAX_LINE_POINTS ? values : Array.from({ length: MAX_LINE_POINTS }, (_, i) => values[Math.round((i * (values.length - 1)) / (MAX_LINE_POINTS - 1))] as number);
  const finite = picked.filter(Number.isFinite);
  const low = Math.min(...finite);
  const high = Math.max(...finite);
  const margin = (high - low) * 0.05 || Math.abs(high) * 0.05 || 1;
  return [
    '```mermaid',
    'xychart-beta',
    `  title ${quoted(chart.title)}`,
    `  x-axis ${quoted(chart.xLabel)} 1 --> ${Math.max(1, values.length)}`,
    `  y-axis ${quoted(chart.yLabel)} ${Number((low - margin).toPrecision(3))} --> ${Number((high + margin).toPrecision(3))}`,
    `  line ${numbers(picked)}`,
    '```',
  ].join('\n');
}
