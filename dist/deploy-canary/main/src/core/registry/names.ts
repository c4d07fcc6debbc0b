/**
 * Names in the registry and the ways users write them: model names and aliases (safe in paths, git
 * tags, S3 keys and SageMaker group names), version selectors (`7`, `@production`) and references
 * (`registry:churn@production`).
 */
import { InputError } from '../errors.js';
import type { VersionSelector } from './types.js';

/** Letters, digits and `-`, `_`, `.`; starting with a letter or digit; at most 63 characters. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;
/** Aliases start with a letter, so `7` is always a version and `production` always an alias. */
const ALIAS = /^[A-Za-z][A-Za-z0-9_.-]{0,62}$/;

/** Throws an InputError naming `what` unless `name` is a valid model name. */
export function checkModelName(name: string, what: string): string {
  if (!NAME.test(name) || name.includes('..')) {
    throw new InputError(
      `${what}: "${name}" is not a valid model name; use letters, digits, "-", "_" and "." (starting with a letter or digit, at most 63 characters), e.g. churn-model.`,
    );
  }
  return name;
}

/** Throws an InputError naming `what` unless `alias` is a valid alias. */
export function checkAlias(alias: string, what: string): string {
  if (!ALIAS.test(alias) || alias.includes('..')) {
    throw new InputError(
      `${what}: "${alias}" is not a valid alias; use letters, digits, "-", "_" and "." starting with a letter (at most 63 characters), e.g. production.`,
    );
  }
  return alias;
}

/** `7`, `v7` → version 7; `@production` or `production` → the alias. */
export function parseSelector(text: string, what: string): VersionSelector {
  const trimmed = text.trim();
  const version = /^v?(\d+)$/.exec(trimmed);
  if (version !== null) {
    const number = Number(version[1]);
    if (!Number.isSafeInteger(number) || number < 1) {
      throw new InputError(`${what}: "${text}" is not a version; versions are whole numbers from 1.`);
    }
    return { version: number };
  }
  return { alias: checkAlias(trimmed.startsWith('@') ? trimmed.slice(1) : trimmed, what) };
}

export function describeSelector(selector: VersionSelector): string {
  return 'version' in selector ? `version ${selector.version}` : `alias ${selector.alias}`;
}

export interface ModelReference {
  name: string;
  selector: VersionSelector;
}

/** Whether an input names a registry version (`registry:<name>@<version|alias>`). */
export function isRegistryReference(text: string): boolean {
  return text.trim().startsWith('registry:');
}

/** Parses `registry:<name>@<version|alias>`; `what` names the input in messages. */
export function parseReference(text: string, what: string): ModelReference {
  const match = /^registry:([^@\s]+)@(\S+)$/.exec(text.trim());
  if (match === null) {
    throw new InputError(`${what}: "${text}" is not a registry reference; write registry:<name>@<version or alias>, e.g. registry:churn@production or registry:churn@7.`);
  }
  return { name: checkModelName(match[1] as string, what), selector: parseSelector(match[2] as string, what) };
}

export function formatReference(name: string, version: number): string {
  return `registry:${name}@${version}`;
}
