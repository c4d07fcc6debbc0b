/**
 * The audit entry of an alias move, as every registry records it (key order included, so the stored
 * JSON reads the same whichever registry wrote it), and the actor a registration moves its alias as.
 */
import type { Actor, AliasEvent, RegistrationRequest } from './types.js';

/** The entry for moving `alias` to `version`, from `previous` when it pointed somewhere before. */
export function aliasEvent(alias: string, version: number, previous: number | undefined, actor: Actor, reason: string, now: Date): AliasEvent {
  return {
    alias,
    version,
    ...(previous === undefined ? {} : { previous }),
    at: now.toISOString(),
    ...(actor.actor === undefined ? {} : { actor: actor.actor }),
    ...(actor.runUrl === undefined ? {} : { runUrl: actor.runUrl }),
    ...(actor.gitSha === undefined ? {} : { gitSha: actor.gitSha }),
    reason,
  };
}

/** The actor of a registration: who ran it, from which run and commit. */
export function actorOf(request: RegistrationRequest): Actor {
  const { actor, runUrl, gitSha } = request.lineage;
  return { ...(actor === undefined ? {} : { actor }), ...(runUrl === undefined ? {} : { runUrl }), ...(gitSha === undefined ? {} : { gitSha }) };
}
