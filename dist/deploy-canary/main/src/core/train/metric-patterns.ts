/**
 * `metric-regex`: one `name: regex` per line, each regex with exactly one capture group (the value),
 * as SageMaker's MetricDefinitions. Lines of the training log are matched as they arrive; every match
 * of a metric is one point of its curve (step = how many times that metric was seen).
 */
import { InputError } from '../errors.js';
import type { CurvePoint, MetricPattern } from './types.js';

const NAME = /^[A-Za-z0-9_.:/-]{1,255}$/;

export function parseMetricPatterns(lines: readonly string[]): MetricPattern[] {
  const patterns: MetricPattern[] = [];
  for (const line of lines) {
    const split = /^\s*([^:\s][^:]*?)\s*:\s*(.+?)\s*$/.exec(line);
    if (split === null) throw new InputError(`Input "metric-regex": "${line}" is not a \`name: regex\` line; write e.g. \`loss: loss=([0-9.]+)\`.`);
    const name = split[1] as string;
    const source = split[2] as string;
    if (!NAME.test(name)) throw new InputError(`Input "metric-regex": "${name}" is not a metric name; use letters, digits and _ . : / - (as SageMaker's MetricDefinitions).`);
    let regex: RegExp;
    try {
      regex = new RegExp(source);
    } catch (error) {
      throw new InputError(`Input "metric-regex": the regex for ${name} is not valid: ${(error as Error).message}.`);
    }
    const groups = (new RegExp(`${source}|`).exec('')?.length ?? 1) - 1;
    if (groups !== 1) {
      throw new InputError(`Input "metric-regex": the regex for ${name} has ${groups} capture groups; it needs exactly one, around the value (use (?:…) for other groups), e.g. \`${name}: ${name}=([0-9.eE+-]+)\`.`);
    }
    if (patterns.some((pattern) => pattern.name === name)) throw new InputError(`Input "metric-regex": ${name} is listed twice; give each metric one regex.`);
    patterns.push({ name, regex, source });
  }
  return patterns;
}

/** Points kept per metric: beyond it, every other point is dropped, so memory stays bounded on long logs. */
export const MAX_POINTS_PER_METRIC = 4096;

/** Collects curve points from log lines (thinned evenly past MAX_POINTS_PER_METRIC per metric). */
export class CurveCollector {
  private readonly kept = new Map<string, CurvePoint[]>();
  private readonly steps = new Map<string, number>();
  /** Per metric: keep one point in this many. */
  private readonly strides = new Map<string, number>();

  constructor(private readonly patterns: readonly MetricPattern[]) {}

  /** The points in the order the metrics first appeared, each metric's in step order. */
  get points(): CurvePoint[] {
    return [...this.kept.values()].flat().sort((a, b) => a.step - b.step || this.order(a.metric) - this.order(b.metric));
  }

  private order(metric: string): number {
    return [...this.kept.keys()].indexOf(metric);
  }

  line(text: string): void {
    for (const pattern of this.patterns) {
      const match = pattern.regex.exec(text);
      if (match === null) continue;
      const value = Number(match[1]);
      if (match[1] === undefined || match[1].trim() === '' || !Number.isFinite(value)) continue;
      const step = (this.steps.get(pattern.name) ?? 0) + 1;
      this.steps.set(pattern.name, step);
      const stride = this.strides.get(pattern.name) ?? 1;
      if ((step - 1) % stride !== 0) continue;
      const kept = this.kept.get(pattern.name) ?? [];
      this.kept.set(pattern.name, kept);
      kept.push({ metric: pattern.name, step, value });
      if (kept.length > MAX_POINTS_PER_METRIC) {
        this.kept.set(pattern.name, kept.filter((_, i) => i % 2 === 0));
        this.strides.set(pattern.name, stride * 2);
      }
    }
  }
}
