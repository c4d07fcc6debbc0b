/** `cd4ml --help` and `cd4ml <action> --help`, written from the action metadata. */
import type { ActionMetadata } from '../platform/github/action-metadata.js';

function wrap(text: string, indent: string, width = 100): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line !== '' && indent.length + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.map((part) => `${indent}${part}`).join('\n');
}

export function overviewHelp(actions: readonly ActionMetadata[]): string {
  const width = Math.max(...actions.map((action) => action.id.length));
  const rows = actions.map((action) => `  ${action.id.padEnd(width)}  ${action.description}`);
  return [
    'cd4ml: run the cd4ml-actions locally, with the same inputs as in a workflow.',
    '',
    'Usage: cd4ml <action> [--<input> <value>]... [--report-file <path>]',
    '       cd4ml <action> --help',
    '',
    'Actions:',
    ...rows,
    '',
    'Outputs are printed; the report the action would post goes to --report-file',
    '(default .cd4ml/<action>-report.md).',
  ].join('\n');
}

export function actionHelp(action: ActionMetadata): string {
  const lines = [`cd4ml ${action.id}: ${action.description}`, '', `Usage: cd4ml ${action.id} [--<input> <value>]...`, '', 'Inputs:'];
  for (const [name, spec] of Object.entries(action.inputs)) {
    const facts = [spec.required === true ? 'required' : 'optional'];
    if (spec.default !== undefined) facts.push(`default: ${spec.default}`);
    if (spec.runnerDefault !== undefined) facts.push(`default in workflows: ${spec.runnerDefault}`);
    lines.push(`  --${name} (${facts.join('; ')})`, wrap(spec.description, '      '), wrap(`Expects ${spec.parser.expected}.`, '      '));
  }
  lines.push('', 'Outputs:');
  for (const [name, description] of Object.entries<string>(action.outputs)) lines.push(`  ${name}`, wrap(description, '      '));
  lines.push('', 'CLI options:', '  --report-file <path>', '      Where the report is written (default .cd4ml/<action>-report.md).');
  return lines.join('\n');
}
