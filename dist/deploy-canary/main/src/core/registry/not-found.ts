import { InputError } from '../errors.js';

/**
 * The registry has no such model, version or alias. An InputError (the user named it), set apart so
 * that callers for whom absence is normal can tell it from other mistakes: evaluate-gate's first run,
 * before any version is in production, has no baseline rather than an error.
 */
export class NotInRegistryError extends InputError {}
