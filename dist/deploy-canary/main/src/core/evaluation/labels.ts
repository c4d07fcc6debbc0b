/**
 * Turns the label column's raw values into what the metrics take, for a task given or inferred.
 *
 * - binary → Uint8Array of 0/1. Labels 0/1 and booleans are taken as they are; any other two values
 *   are sorted (numbers numerically, text by code point) as scikit-learn's `classes_` is, and the
 *   second (the larger) is the positive class, which `note` says. One value other than 0/1 is an
 *   error: which class it is cannot be told.
 * - multiclass → Int32Array of class indexes 0..C−1, C the model's outputs per row. Integer labels
 *   that all lie in 0..C−1 are their own index; otherwise the distinct labels, sorted as above, are
 *   indexes 0..C−1 as scikit-learn's `classes_` orders them, which needs every one of the C classes
 *   to appear (with fewer, which output is which cannot be told).
 * - regression → Float64Array of the numbers.
 *
 * Task inference when none is given: a model with 3 or more outputs per row is multiclass; at most
 * 2 distinct labels are binary; more numbers with one output (or a model's width unknown and labels
 * not a few integers) are regression; more text labels with one output are an error.
 *
 * Complexity: O(rows) time; O(distinct labels) memory (distinct numbers are counted up to a bound).
 *
 * Errors are one-line InputErrors naming the label and showing its distinct values.
 */
import { InputError } from '../errors.js';
import type { Task } from '../metrics/types.js';
import type { LabelColumn } from './evaluation-table.js';

export interface EncodeLabelsOptions {
  /** The task the user set; inferred when absent. */
  task?: Task | undefined;
  /** The model's outputs per row (1 for [N] or [N, 1], C for [N, C]). */
  predictionWidth?: number | undefined;
}

export interface EncodedLabels {
  task: Task;
  /** Why this task, in one sentence, when it was inferred. */
  inferredFrom?: string;
  binary?: Uint8Array;
  multiclass?: Int32Array;
  regression?: Float64Array;
  /** Class names in index order ('0', '1' for 0/1 labels); empty for regression. */
  classes: string[];
  positiveClass?: string;
  /** How labels became classes, in one sentence, when it is not the labels themselves (sorted order). */
  note?: string;
}

/** Distinct numbers counted before a label counts as "many values". */
const DISTINCT_LIMIT = 1024;
/** With no model width, at most this many distinct integers from 0 read as classes, not a quantity. */
const FEW_CLASSES = 20;

/** The distinct labels, found in one pass. */
interface Distinct {
  /** Text labels (sorted by code point) or numbers (sorted ascending); never both (mixing is an error). */
  texts: string[] | null;
  numbers: number[] | null;
  /** True when the numbers are more than DISTINCT_LIMIT (only the first that many are in `numbers`). */
  overflow: boolean;
  integers: boolean;
  booleans: boolean;
}

/** Orders texts by Unicode code point, as NumPy sorts strings (JavaScript's < compares UTF-16 code units). */
function compareText(a: string, b: string): number {
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(j)!;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return a.length - b.length;
}

function distinctOf(label: LabelColumn): Distinct {
  const { counts } = label;
  if (counts.texts > 0) {
    return { texts: [...new Set(label.texts)].sort(compareText), numbers: null, overflow: false, integers: false, booleans: false };
  }
  const seen = new Set<number>();
  let overflow = false;
  let integers = true;
  const numbers = label.numbers;
  for (let row = 0; row < label.rows; row += 1) {
    const value = numbers[row]!;
    if (integers && !Number.isInteger(value)) integers = false;
    if (!overflow) {
      seen.add(value);
      if (seen.size > DISTINCT_LIMIT) overflow = true;
    }
  }
  return { texts: null, numbers: [...seen].sort((a, b) => a - b), overflow, integers, booleans: counts.booleans > 0 && counts.numbers === 0 };
}

function count(distinct: Distinct): number {
  return distinct.texts?.length ?? distinct.numbers!.length;
}

/** The distinct values for a message: `3 distinct values (0, 1, 2)`. */
function describeValues(distinct: Distinct, limit = 10): string {
  const values = distinct.texts?.map((text) => JSON.stringify(text)) ?? distinct.numbers!.map((value) => (distinct.booleans ? String(value === 1) : String(value)));
  const n = values.length;
  const shown = values.slice(0, limit).join(', ');
  const more = n > limit || distinct.overflow ? ', …' : '';
  return `${distinct.overflow ? `more than ${DISTINCT_LIMIT}` : n} distinct value${n === 1 ? '' : 's'} (${shown}${more})`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function encodeLabels(label: LabelColumn, name: string, options: EncodeLabelsOptions): EncodedLabels {
  const { counts } = label;
  if (label.rows === 0) throw new InputError(`label "${name}": the evaluation set is empty; there are no labels to score against.`);
  if (counts.nulls > 0 || label.nullRows.length > 0) {
    const rows = label.nullRows.slice(0, 3).map((row) => row + 1);
    throw new InputError(
      `label "${name}" is missing on ${plural(Math.max(counts.nulls, label.nullRows.length), 'row')} (row ${rows.join(', ')}${label.nullRows.length > 3 ? ', …' : ''}); every evaluation row needs a label: drop those rows or fill in their labels.`,
    );
  }
  const width = options.predictionWidth;
  if (width !== undefined && (!Number.isInteger(width) || width < 1)) throw new RangeError(`predictionWidth must be a positive integer, not ${width}`);
  if (counts.texts > 0 && counts.numbers + counts.booleans > 0) {
    const numbers = new Set<string>();
    for (let row = 0; row < label.rows && numbers.size < 3; row += 1) if (label.textCodes[row] === -1) numbers.add(String(label.numbers[row]));
    const texts = label.texts.slice(0, 3).map((text) => JSON.stringify(text));
    throw new InputError(
      `label "${name}" mixes numbers (${[...numbers].join(', ')}) and text (${texts.join(', ')}); use one kind of value for every row, e.g. map the labels to 0/1 or to class names.`,
    );
  }
  const distinct = distinctOf(label);
  let task = options.task;
  let inferredFrom: string | undefined;
  if (task === undefined) {
    [task, inferredFrom] = inferTask(distinct, name, width);
  }
  const encoded =
    task === 'binary' ? encodeBinary(label, name, distinct, width) : task === 'multiclass' ? encodeMulticlass(label, name, distinct, width) : encodeRegression(label, name, distinct, width);
  if (inferredFrom !== undefined) encoded.inferredFrom = inferredFrom;
  return encoded;
}

function inferTask(distinct: Distinct, name: string, width: number | undefined): [Task, string] {
  const n = count(distinct);
  const values = describeValues(distinct);
  const outputs = width === undefined ? '' : `the model outputs ${plural(width, 'value')} per row and `;
  if (width !== undefined && width >= 3) return ['multiclass', `multiclass, because the model outputs ${width} values per row (one probability per class).`];
  if (!distinct.overflow && n <= 2) return ['binary', `binary, because ${outputs}label "${name}" has ${values}.`];
  if (distinct.texts !== null) {
    throw new InputError(
      `label "${name}" has ${values} but ${width === undefined ? 'the task cannot be told' : `the model outputs ${plural(width, 'value')} per row`}: text labels need one output per class; set the task input (multiclass), or export the model's class probabilities.`,
    );
  }
  if (width === 2) {
    throw new InputError(
      `label "${name}" has ${values} but the model outputs 2 values per row (binary class probabilities); check the label column, or set the task input.`,
    );
  }
  if (width === undefined && distinct.integers && !distinct.overflow && n <= FEW_CLASSES && distinct.numbers![0]! >= 0) {
    return ['multiclass', `multiclass, because label "${name}" has ${values}, all small non-negative integers.`];
  }
  const kind = distinct.integers ? 'integers' : 'numbers, not all integers';
  return ['regression', `regression, because ${outputs}label "${name}" has ${values}, ${kind}.`];
}

function encodeBinary(label: LabelColumn, name: string, distinct: Distinct, width: number | undefined): EncodedLabels {
  const n = count(distinct);
  if (distinct.overflow || n > 2) {
    throw new InputError(
      `label "${name}" has ${describeValues(distinct)} but the task is binary: a binary label has two values; set the task input to multiclass or regression, or map the label to 0/1.`,
    );
  }
  if (width !== undefined && width > 2) {
    throw new InputError(
      `label "${name}": the task is binary but the model outputs ${width} values per row; a binary model outputs 1 value (the positive class's probability) or 2 (one per class); set the task input to multiclass, or check the model.`,
    );
  }
  const rows = label.rows;
  const binary = new Uint8Array(rows);
  if (distinct.numbers !== null && distinct.numbers.every((value) => value === 0 || value === 1)) {
    const numbers = label.numbers;
    for (let row = 0; row < rows; row += 1) binary[row] = numbers[row]!;
    const classes = distinct.booleans ? ['false', 'true'] : ['0', '1'];
    return { task: 'binary', binary, classes, positiveClass: classes[1]! };
  }
  if (n < 2) {
    const only = distinct.texts !== null ? JSON.stringify(distinct.texts[0]) : String(distinct.numbers![0]);
    throw new InputError(
      `label "${name}" has only one value (${only}), so which class it is cannot be told; use 0/1 or true/false labels, where 1 (true) is the positive class.`,
    );
  }
  let classes: string[];
  if (distinct.texts !== null) {
    classes = distinct.texts;
    const positive = label.texts.indexOf(classes[1]!);
    const codes = label.textCodes;
    for (let row = 0; row < rows; row += 1) binary[row] = codes[row] === positive ? 1 : 0;
  } else {
    const positive = distinct.numbers![1]!;
    classes = distinct.numbers!.map(String);
    const numbers = label.numbers;
    for (let row = 0; row < rows; row += 1) binary[row] = numbers[row] === positive ? 1 : 0;
  }
  const shown = distinct.texts !== null ? classes.map((value) => JSON.stringify(value)) : classes;
  return {
    task: 'binary',
    binary,
    classes,
    positiveClass: classes[1]!,
    note: `label "${name}": ${shown[0]} and ${shown[1]} are classes 0 and 1 in sorted order (as scikit-learn's classes_), so ${shown[1]} is the positive class.`,
  };
}

function encodeMulticlass(label: LabelColumn, name: string, distinct: Distinct, width: number | undefined): EncodedLabels {
  if (width !== undefined && width < 2) {
    throw new InputError(
      `label "${name}": the task is multiclass but the model outputs 1 value per row; a multiclass model outputs one probability per class ([N, C]); export its class probabilities, or set the task input.`,
    );
  }
  const n = count(distinct);
  const rows = label.rows;
  const multiclass = new Int32Array(rows);
  const numbers = distinct.numbers;
  // Integer labels within 0..C−1 are their own class index.
  if (numbers !== null && !distinct.overflow && distinct.integers && numbers[0]! >= 0 && (width === undefined || numbers[n - 1]! < width)) {
    const classCount = width ?? numbers[n - 1]! + 1;
    const values = label.numbers;
    for (let row = 0; row < rows; row += 1) multiclass[row] = values[row]!;
    return { task: 'multiclass', multiclass, classes: Array.from({ length: classCount }, (_, i) => String(i)) };
  }
  if (width === undefined && distinct.overflow) {
    throw new InputError(`label "${name}" has ${describeValues(distinct)}, too many to be classes; set the task input to regression, or check the label column.`);
  }
  if (width !== undefined && (distinct.overflow || n > width)) {
    throw new InputError(
      `label "${name}" has ${describeValues(distinct)} but the model outputs ${width} class probabilities per row; check that the label column and the model belong together.`,
    );
  }
  if (width !== undefined && n < width) {
    throw new InputError(
      `label "${name}" has ${describeValues(distinct)} but the model outputs ${width} class probabilities per row; which output is which class can only be told from sorted labels when every class appears (as scikit-learn's classes_): use integer labels 0..${width - 1}, or evaluate on a set with every class.`,
    );
  }
  let classes: string[];
  if (distinct.texts !== null) {
    classes = distinct.texts;
    const order = new Int32Array(label.texts.length);
    label.texts.forEach((text, i) => (order[i] = classes.indexOf(text)));
    const codes = label.textCodes;
    for (let row = 0; row < rows; row += 1) multiclass[row] = order[codes[row]!]!;
  } else {
    const index = new Map(numbers!.map((value, i) => [value, i]));
    classes = numbers!.map(String);
    const values = label.numbers;
    for (let row = 0; row < rows; row += 1) multiclass[row] = index.get(values[row]!)!;
  }
  const shown = distinct.texts !== null ? classes.map((value) => JSON.stringify(value)) : classes;
  return {
    task: 'multiclass',
    multiclass,
    classes,
    note: `label "${name}": classes ${shown.join(', ')} are outputs 0..${classes.length - 1} in sorted order (as scikit-learn's classes_).`,
  };
}

function encodeRegression(label: LabelColumn, name: string, distinct: Distinct, width: number | undefined): EncodedLabels {
  if (distinct.texts !== null) {
    throw new InputError(`label "${name}" has ${describeValues(distinct)} but the task is regression, which needs numbers; check the label column, or set the task input.`);
  }
  if (width !== undefined && width !== 1) {
    throw new InputError(
      `label "${name}": the task is regression but the model outputs ${width} values per row; a regression model outputs one value per row ([N] or [N, 1]).`,
    );
  }
  return { task: 'regression', regression: Float64Array.from(label.numbers), classes: [] };
}
