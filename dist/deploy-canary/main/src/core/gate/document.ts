/** The evaluation document's common parts: the verdict from the outcomes, and the skeleton both gates fill. */
import type { Task } from '../metrics/types.js';
import type { Compared } from './compare.js';
import { EVALUATION_FORMAT, type EvaluationDocument } from './evaluation.js';
import type { RuleOutcome } from './types.js';

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function verdictOf(outcomes: readonly RuleOutcome[]): { passed: boolean; verdict: string } {
  const failed = outcomes.filter((outcome) => outcome.status === 'fail');
  const skipped = outcomes.filter((outcome) => outcome.status === 'skipped').length;
  const judged = outcomes.length - skipped;
  if (failed.length > 0) {
    const more = failed.length > 1 ? ` (and ${plural(failed.length - 1, 'more failed check')})` : '';
    return { passed: false, verdict: `${failed[0]!.reason}${more}.` };
  }
  if (outcomes.length === 0) return { passed: true, verdict: 'No rules to judge, so the gate passes: add a policy or thresholds to gate the merge.' };
  const skippedText = skipped === 0 ? '' : `; ${plural(skipped, 'check')} skipped without a baseline`;
  return { passed: true, verdict: `${judged === outcomes.length ? 'All' : 'The'} ${plural(judged, 'check')} passed${skippedText}.` };
}

export interface DocumentParts {
  task?: Task | undefined;
  label?: string | undefined;
  threshold?: number | undefined;
  candidate: EvaluationDocument['candidate'];
  metrics: readonly Compared[];
}

export function documentBase(outcomes: RuleOutcome[], parts: DocumentParts): EvaluationDocument {
  const doc: EvaluationDocument = {
    format: EVALUATION_FORMAT,
    version: 1,
    ...verdictOf(outcomes),
    candidate: parts.candidate,
    metrics: parts.metrics.map(({ row }) => row),
    outcomes,
    notes: [],
  };
  if (parts.task !== undefined) doc.task = parts.task;
  if (parts.label !== undefined) doc.label = parts.label;
  if (parts.threshold !== undefined) doc.threshold = parts.threshold;
  return doc;
}
