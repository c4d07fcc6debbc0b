/**
 * Action metadata: name, description, branding, inputs and outputs of an action, declared once in
 * TypeScript. `npm run build` writes each action's action.yml from it, the CLI's --help lists it,
 * and the action runtime parses inputs with it, so the three cannot disagree.
 */
import { stringify } from 'yaml';
import type { InputSpecs } from '../../core/inputs/spec.js';

/** Colours GitHub Marketplace accepts for `branding.color`. */
export type BrandingColor = 'white' | 'black' | 'yellow' | 'blue' | 'green' | 'orange' | 'red' | 'purple' | 'gray-dark';

export interface ActionMetadata<S extends InputSpecs = InputSpecs, O extends string = string> {
  /** The directory name under actions/ and dist/, and the CLI's sub-command. */
  id: string;
  name: string;
  description: string;
  /** An icon of the Feather set that Marketplace accepts. */
  branding: { icon: string; color: BrandingColor };
  inputs: S;
  outputs: Record<O, string>;
  /**
   * A `post` step (the same bundle, run again at the end of the job) and the condition it runs on,
   * e.g. `cancelled() || failure()`: for clean-up that must happen however the step ended.
   */
  postIf?: string;
}

export const ACTION_AUTHOR = 'cd4ml-actions';

export function defineAction<const S extends InputSpecs, const O extends string>(metadata: ActionMetadata<S, O>): ActionMetadata<S, O> {
  return metadata;
}

/** The bundle an action.yml points at, relative to the action's directory. */
export function bundlePath(id: string): string {
  return `../../dist/${id}/index.js`;
}

/** The action.yml text for an action, in the layout GitHub documents. */
export function actionYaml(metadata: ActionMetadata): string {
  const inputs: Record<string, Record<string, unknown>> = {};
  for (const [name, spec] of Object.entries(metadata.inputs)) {
    const entry: Record<string, unknown> = { description: spec.description, required: spec.required === true };
    const fallback = spec.default ?? spec.runnerDefault;
    if (fallback !== undefined) entry['default'] = fallback;
    if (spec.deprecationMessage !== undefined) entry['deprecationMessage'] = spec.deprecationMessage;
    inputs[name] = entry;
  }
  const outputs: Record<string, { description: string }> = {};
  for (const [name, description] of Object.entries<string>(metadata.outputs)) outputs[name] = { description };
  const document = {
    name: metadata.name,
    description: metadata.description,
    author: ACTION_AUTHOR,
    branding: metadata.branding,
    inputs,
    outputs,
    runs: {
      using: 'node24',
      main: bundlePath(metadata.id),
      ...(metadata.postIf === undefined ? {} : { post: bundlePath(metadata.id), 'post-if': metadata.postIf }),
    },
  };
  const header = `# Generated from src/actions/${metadata.id}/metadata.ts by \`npm run build\`: edit that file, not this one.\n`;
  return header + stringify(document, { lineWidth: 0 });
}
