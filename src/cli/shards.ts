import { UsageError } from './args';
import { WORKERS_VALUE } from './threads';

/** The part (0 … parts − 1) a member's rows go to: FNV-1a of the id, so every run splits alike. */
export function shardOf(id: string, parts: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % parts;
}

/** `--workers N`, 1 to 999; undefined when not given. */
export function workersOption(given: string | undefined, command: string): number | undefined {
  if (given === undefined) return undefined;
  if (!WORKERS_VALUE.test(given)) throw new UsageError(`--workers must be a whole number from 1 to 999; got "${given}"`, command);
  return Number(given);
}
