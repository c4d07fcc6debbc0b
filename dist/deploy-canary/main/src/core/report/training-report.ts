/**
 * The job summary of a training: the verdict, where it ran and on what, how long and how hard the
 * GPUs worked, the final metrics, a Mermaid curve per logged metric, SageMaker's status transitions,
 * and, when it failed, the last lines of its output.
 */
import { markdownTable } from 'markdown-table';
import type { TrainingOutcome, TrainingRecord } from '../train/types.js';
import { mermaidLineChart } from './charts.js';
import { cell } from './markdown.js';
import { formatValue } from './numbers.js';

const MAX_CURVES = 4;

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function renderTrainingMarkdown(outcome: TrainingOutcome, record: TrainingRecord, where: string): string {
  const head = outcome.succeeded
    ? `### ✅ Training finished in ${formatDuration(outcome.durationSeconds)}`
    : `### ❌ Training failed: ${outcome.failure ?? 'unknown reason'}`;
  return [head, facts(outcome, record, where), metrics(outcome), curves(outcome), transitions(outcome), failureTail(outcome)].filter((part) => part !== '').join('\n\n') + '\n';
}

function facts(outcome: TrainingOutcome, record: TrainingRecord, where: string): string {
  const rows: string[][] = [['Ran on', cell(where)], ['Duration', formatDuration(outcome.durationSeconds)]];
  const usage = outcome.gpu;
  if (usage !== undefined) {
    const gpu = usage.gpus[0];
    const names = [...new Set(usage.gpus.map((item) => item.name))].join(', ');
    rows.push(['GPU', `${usage.gpus.length}× ${cell(names)}${gpu === undefined ? '' : `, driver ${gpu.driverVersion}${gpu.cudaVersion === undefined ? '' : `, CUDA ${gpu.cudaVersion}`}`}`]);
    const total = Math.max(...usage.gpus.map((item) => item.memoryTotalMiB));
    rows.push(['Peak GPU memory', `${usage.peakMemoryMiB.toLocaleString('en-US')} MiB of ${total.toLocaleString('en-US')} MiB`]);
    rows.push(['Mean GPU utilisation', `${usage.meanUtilization.toFixed(1)}% (${usage.samples} samples)`]);
    rows.push(['GPU-hours', usage.gpuHours.toFixed(4)]);
  }
  if (outcome.billableSeconds !== undefined) rows.push(['Billable time', formatDuration(outcome.billableSeconds)]);
  rows.push(['Seed', String(record.seed)]);
  rows.push(['Params', `\`${cell(JSON.stringify(record.params))}\``]);
  if (record.data.length > 0) {
    const first = record.data[0]!;
    rows.push(['Data', record.data.length === 1 ? `\`${cell(first.path)}\` sha256 \`${first.sha256.slice(0, 12)}\`` : `${record.data.length} files (sha256 of each in the record)`]);
  }
  if (record.gitSha !== undefined) rows.push(['Commit', `\`${record.gitSha}\``]);
  return markdownTable([['', ''], ...rows]);
}

function metrics(outcome: TrainingOutcome): string {
  const entries = Object.entries(outcome.metrics);
  if (entries.length === 0) return '';
  return `#### Final metrics\n\n${markdownTable([['Metric', 'Value'], ...entries.map(([name, value]) => [`\`${cell(name)}\``, formatValue(value)])], { align: ['l', 'r'] })}`;
}

function curves(outcome: TrainingOutcome): string {
  const names = [...new Set(outcome.curve.map((point) => point.metric))];
  if (names.length === 0) return '';
  const charts = names.slice(0, MAX_CURVES).map((name) => {
    const values = outcome.curve.filter((point) => point.metric === name).map((point) => point.value);
    return mermaidLineChart({ title: `${name} over training`, xLabel: 'log line', yLabel: name, values });
  });
  const more = names.length > MAX_CURVES ? `\n\n${names.length - MAX_CURVES} more metrics were logged: ${names.slice(MAX_CURVES).join(', ')}.` : '';
  return `#### Training curves\n\n${charts.join('\n\n')}${more}`;
}

function transitions(outcome: TrainingOutcome): string {
  if (outcome.transitions === undefined || outcome.transitions.length === 0) return '';
  const rows = outcome.transitions.map((item) => [item.status, item.at, cell(item.message ?? '')]);
  return `#### SageMaker status\n\n${markdownTable([['Status', 'Since', 'Message'], ...rows])}`;
}

function failureTail(outcome: TrainingOutcome): string {
  if (outcome.succeeded || outcome.tail.length === 0) return '';
  const fence = outcome.tail.some((line) => line.includes('```')) ? '~~~~' : '```';
  return `#### Last lines of output\n\n${fence}\n${outcome.tail.join('\n')}\n${fence}`;
}
