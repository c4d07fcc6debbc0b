/** `cd4ml --help`, `cd4ml <action> --help` (written from the action metadata) and `cd4ml <command> --help`. */
import type { ActionMetadata } from '../platform/github/action-metadata.js';
import type { CliCommand } from './data-commands.js';

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

export function overviewHelp(actions: readonly ActionMetadata[], commands: readonly CliCommand[]): string {
  const width = Math.max(...[...actions, ...commands].map((entry) => entry.id.length));
  const row = (entry: { id: string; description: string }) => `  ${entry.id.padEnd(width)}  ${entry.description}`;
  return [
    'cd4ml: run the cd4ml-actions locally, with the same inputs as in a workflow.',
    '',
    'Usage: cd4ml <action> [--<input> <value>]... [--report-file <path>]',
    '       cd4ml <command> [--<option> <value>]...',
    '       cd4ml <action|command> --help',
    '',
    'Actions:',
    ...actions.map(row),
    '',
    'Commands:',
    ...commands.filter((command) => !command.id.startsWith('registry ')).map(row),
    '',
    'The model registry (--registry <uri>; default CD4ML_REGISTRY, else file://.cd4ml/registry):',
    ...commands.filter((command) => command.id.startsWith('registry ')).map(row),
    '',
    'Outputs are printed; the report the action would post goes to --report-file',
    '(default .cd4ml/<action>-report.md). Actions with a registry input use the local',
    'registry unless --registry names another.',
  ].join('\n');
}

export function commandHelp(command: CliCommand): string {
  const about = command.about.flatMap((paragraph) => ['', paragraph.startsWith('  ') ? paragraph : wrap(paragraph, '')]);
  const lines = [`cd4ml ${command.id}: ${command.description}`, '', `Usage: ${command.usage}`, ...about, '', 'Options:'];
  for (const [name, option] of Object.entries(command.options)) {
    const facts = [option.required === true ? 'required' : 'optional'];
    if (option.default !== undefined) facts.push(`default: ${option.default}`);
    if (option.repeatable === true) facts.push('repeatable');
    lines.push(`  --${name} (${facts.join('; ')})`, wrap(option.description, '      '));
    if (option.flag !== true) lines.push(wrap(`Expects ${option.expected}.`, '      '));
  }
  return lines.join('\n');
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
