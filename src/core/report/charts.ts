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
