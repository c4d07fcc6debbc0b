/** encodeLabels: each encoding, task inference, and the errors, on small hand-made label columns. */
import { describe, expect, test } from 'vitest';
import type { LabelColumn } from '../../src/core/evaluation/evaluation-table.js';
import { encodeLabels, type EncodeLabelsOptions } from '../../src/core/evaluation/labels.js';
import { inputErrorMessage } from '../support/input-error.js';

/** A label as written in the data (null: missing). */
type LabelValue = number | boolean | string | null;

/** A label column as readEvaluationTable builds it, from values (null: missing). */
function column(values: readonly LabelValue[], name = 'y'): LabelColumn {
  const numbers = new Float64Array(values.length).fill(Number.NaN);
  const textCodes = new Int32Array(values.length).fill(-1);
  const texts: string[] = [];
  const nullRows: number[] = [];
  const counts = { numbers: 0, booleans: 0, texts: 0, nulls: 0 };
  values.forEach((value, row) => {
    if (value === null) {
      nullRows.push(row);
      counts.nulls += 1;
    } else if (typeof value === 'string') {
      if (!texts.includes(value)) texts.push(value);
      textCodes[row] = texts.indexOf(value);
      counts.texts += 1;
    } else if (typeof value === 'boolean') {
      numbers[row] = value ? 1 : 0;
      counts.booleans += 1;
    } else {
      numbers[row] = value;
      counts.numbers += 1;
    }
  });
  return { name, rows: values.length, numbers, textCodes, texts, nullRows, counts };
}

function encode(values: readonly LabelValue[], options: EncodeLabelsOptions = {}, name = 'y') {
  return encodeLabels(column(values, name), name, options);
}

describe('binary', () => {
  test('0/1 labels map to themselves', () => {
    const result = encode([0, 1, 1, 0], { task: 'binary', predictionWidth: 1 });
    expect(result).toEqual({ task: 'binary', binary: Uint8Array.of(0, 1, 1, 0), classes: ['0', '1'], positiveClass: '1' });
  });

  test('booleans map to themselves, classes false and true', () => {
    const result = encode([true, false, true], { task: 'binary' });
    expect(result.binary).toEqual(Uint8Array.of(1, 0, 1));
    expect(result.classes).toEqual(['false', 'true']);
    expect(result.positiveClass).toBe('true');
    expect(result.note).toBeUndefined();
  });

  test('only one of 0/1 present is still 0/1', () => {
    expect(encode([1, 1], { task: 'binary' }).binary).toEqual(Uint8Array.of(1, 1));
  });

  test.each([
    { values: ['yes', 'no', 'yes'], binary: [1, 0, 1], classes: ['no', 'yes'], note: 'label "y": "no" and "yes" are classes 0 and 1 in sorted order (as scikit-learn\'s classes_), so "yes" is the positive class.' },
    { values: ['b', 'B', 'b'], binary: [1, 0, 1], classes: ['B', 'b'], note: 'label "y": "B" and "b" are classes 0 and 1 in sorted order (as scikit-learn\'s classes_), so "b" is the positive class.' },
    { values: ['😀', 'ﬀ', '😀'], binary: [1, 0, 1], classes: ['ﬀ', '😀'], note: 'label "y": "ﬀ" and "😀" are classes 0 and 1 in sorted order (as scikit-learn\'s classes_), so "😀" is the positive class.' },
    { values: [2, -1, 2], binary: [1, 0, 1], classes: ['-1', '2'], note: 'label "y": -1 and 2 are classes 0 and 1 in sorted order (as scikit-learn\'s classes_), so 2 is the positive class.' },
    { values: [10, 9, 10], binary: [1, 0, 1], classes: ['9', '10'], note: 'label "y": 9 and 10 are classes 0 and 1 in sorted order (as scikit-learn\'s classes_), so 10 is the positive class.' },
  ])('two other values sort as scikit-learn classes_: $classes', ({ values, binary, classes, note }) => {
    const result = encode(values, { task: 'binary', predictionWidth: 2 });
    expect(Array.from(result.binary!)).toEqual(binary);
    expect(result.classes).toEqual(classes);
    expect(result.positiveClass).toBe(classes[1]);
    expect(result.note).toBe(note);
  });
});

describe('multiclass', () => {
  test('integers within 0..C−1 are their own class, even when a class is absent', () => {
    const result = encode([2, 0, 2, 0], { task: 'multiclass', predictionWidth: 3 });
    expect(result).toEqual({ task: 'multiclass', multiclass: Int32Array.of(2, 0, 2, 0), classes: ['0', '1', '2'] });
  });

  test('other labels sort to 0..C−1 (text by code point, numbers numerically)', () => {
    const text = encode(['setosa', 'virginica', 'versicolor', 'setosa'], { predictionWidth: 3 });
    expect(text.task).toBe('multiclass');
    expect(Array.from(text.multiclass!)).toEqual([0, 2, 1, 0]);
    expect(text.classes).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(text.note).toBe('label "y": classes "setosa", "versicolor", "virginica" are outputs 0..2 in sorted order (as scikit-learn\'s classes_).');
    const numbers = encode([10, 2, 1, 10], { task: 'multiclass', predictionWidth: 3 });
    expect(Array.from(numbers.multiclass!)).toEqual([2, 1, 0, 2]);
    expect(numbers.classes).toEqual(['1', '2', '10']);
  });
});

describe('regression', () => {
  test('numbers as they are; booleans as 1/0', () => {
    expect(encode([1.5, -2, 3], { task: 'regression', predictionWidth: 1 })).toEqual({ task: 'regression', regression: Float64Array.of(1.5, -2, 3), classes: [] });
    expect(encode([true, false], { task: 'regression' }).regression).toEqual(Float64Array.of(1, 0));
  });
});

describe('task inference', () => {
  const many = Array.from({ length: 50 }, (_, i) => i);
  test.each([
    { values: [0, 1, 2], width: 3, task: 'multiclass', why: 'multiclass, because the model outputs 3 values per row (one probability per class).' },
    { values: [0, 1, 0], width: 1, task: 'binary', why: 'binary, because the model outputs 1 value per row and label "y" has 2 distinct values (0, 1).' },
    { values: ['no', 'yes'], width: 2, task: 'binary', why: 'binary, because the model outputs 2 values per row and label "y" has 2 distinct values ("no", "yes").' },
    { values: [true, false], width: undefined, task: 'binary', why: 'binary, because label "y" has 2 distinct values (false, true).' },
    { values: [0.5, 1.25, 3], width: 1, task: 'regression', why: 'regression, because the model outputs 1 value per row and label "y" has 3 distinct values (0.5, 1.25, 3), numbers, not all integers.' },
    { values: [3, 4, 5, 8], width: 1, task: 'regression', why: 'regression, because the model outputs 1 value per row and label "y" has 4 distinct values (3, 4, 5, 8), integers.' },
    { values: many, width: undefined, task: 'regression', why: 'regression, because label "y" has 50 distinct values (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, …), integers.' },
    { values: [0, 2, 1], width: undefined, task: 'multiclass', why: 'multiclass, because label "y" has 3 distinct values (0, 1, 2), all small non-negative integers.' },
  ])('$values with width $width → $task', ({ values, width, task, why }) => {
    const result = encode(values, { predictionWidth: width });
    expect(result.task).toBe(task);
    expect(result.inferredFrom).toBe(why);
  });

  test('a given task is not explained', () => {
    expect(encode([0, 1], { task: 'binary' }).inferredFrom).toBeUndefined();
  });
});

describe('errors', () => {
  const distinct = Array.from({ length: 2000 }, (_, i) => i / 10);
  test.each<{ name: string; values: readonly LabelValue[]; options: EncodeLabelsOptions; label?: string; message: string }>([
    { name: 'three values for a binary task', values: [0, 1, 2, 1], options: { task: 'binary' }, label: 'churned', message: 'label "churned" has 3 distinct values (0, 1, 2) but the task is binary: a binary label has two values; set the task input to multiclass or regression, or map the label to 0/1.' },
    { name: 'many values for a binary task', values: distinct, options: { task: 'binary' }, message: 'label "y" has more than 1024 distinct values (0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, …) but the task is binary: a binary label has two values; set the task input to multiclass or regression, or map the label to 0/1.' },
    { name: 'one value other than 0/1', values: ['yes', 'yes'], options: { task: 'binary' }, message: 'label "y" has only one value ("yes"), so which class it is cannot be told; use 0/1 or true/false labels, where 1 (true) is the positive class.' },
    { name: 'binary with a multiclass model', values: [0, 1], options: { task: 'binary', predictionWidth: 3 }, message: 'label "y": the task is binary but the model outputs 3 values per row; a binary model outputs 1 value (the positive class\'s probability) or 2 (one per class); set the task input to multiclass, or check the model.' },
    { name: 'more classes than outputs', values: ['a', 'b', 'c', 'd'], options: { predictionWidth: 3 }, label: 'species', message: 'label "species" has 4 distinct values ("a", "b", "c", "d") but the model outputs 3 class probabilities per row; check that the label column and the model belong together.' },
    { name: 'integers beyond the outputs', values: [0, 1, 2, 3], options: { task: 'multiclass', predictionWidth: 3 }, message: 'label "y" has 4 distinct values (0, 1, 2, 3) but the model outputs 3 class probabilities per row; check that the label column and the model belong together.' },
    { name: 'fewer text classes than outputs', values: ['a', 'c'], options: { task: 'multiclass', predictionWidth: 3 }, message: 'label "y" has 2 distinct values ("a", "c") but the model outputs 3 class probabilities per row; which output is which class can only be told from sorted labels when every class appears (as scikit-learn\'s classes_): use integer labels 0..2, or evaluate on a set with every class.' },
    { name: 'multiclass with one output', values: [0, 1, 2], options: { task: 'multiclass', predictionWidth: 1 }, message: 'label "y": the task is multiclass but the model outputs 1 value per row; a multiclass model outputs one probability per class ([N, C]); export its class probabilities, or set the task input.' },
    { name: 'text labels with one output', values: ['a', 'b', 'c'], options: { predictionWidth: 1 }, message: 'label "y" has 3 distinct values ("a", "b", "c") but the model outputs 1 value per row: text labels need one output per class; set the task input (multiclass), or export the model\'s class probabilities.' },
    { name: 'three values with two outputs', values: [0, 1, 2], options: { predictionWidth: 2 }, message: 'label "y" has 3 distinct values (0, 1, 2) but the model outputs 2 values per row (binary class probabilities); check the label column, or set the task input.' },
    { name: 'text labels for regression', values: ['1.5', 'x'], options: { task: 'regression' }, label: 'price', message: 'label "price" has 2 distinct values ("1.5", "x") but the task is regression, which needs numbers; check the label column, or set the task input.' },
    { name: 'regression with class outputs', values: [1.5, 2.5], options: { task: 'regression', predictionWidth: 2 }, message: 'label "y": the task is regression but the model outputs 2 values per row; a regression model outputs one value per row ([N] or [N, 1]).' },
    { name: 'too many values to be classes, no model width', values: distinct, options: { task: 'multiclass' }, message: 'label "y" has more than 1024 distinct values (0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, …), too many to be classes; set the task input to regression, or check the label column.' },
    { name: 'numbers mixed with text', values: [0, 'unknown', 1], options: {}, message: 'label "y" mixes numbers (0, 1) and text ("unknown"); use one kind of value for every row, e.g. map the labels to 0/1 or to class names.' },
    { name: 'missing labels', values: [0, null, 1, null], options: {}, message: 'label "y" is missing on 2 rows (row 2, 4); every evaluation row needs a label: drop those rows or fill in their labels.' },
  ])('$name', ({ values, options, label = 'y', message: expected }) => {
    expect(inputErrorMessage(() => encode(values, options, label))).toBe(expected);
  });
});
