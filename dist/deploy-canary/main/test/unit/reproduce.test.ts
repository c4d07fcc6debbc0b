import { expect, test } from 'vitest';
import { reproduceCommand } from '../../src/actions/evaluate-gate/reproduce.js';

test('the command names every given input but those at their default, quoting what the shell would split', () => {
  expect(
    reproduceCommand([
      ['model', 'models/new.onnx'],
      ['label', undefined],
      ['thresholds', 'roc_auc>=0.8, log_loss<=+5%'],
      ['threshold', '0.5'],
      ['bootstrap', '2000'],
      ['seed', '42'],
    ]),
  ).toBe("node bin/cd4ml.js evaluate-gate \\\n  --model models/new.onnx \\\n  --thresholds 'roc_auc>=0.8, log_loss<=+5%' \\\n  --bootstrap 2000");
});
