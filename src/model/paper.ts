import type { Paper } from './types.js';

/**
 * Whether a name is a paper offprint sets. A module of its own, with no imports that run, so
 * the command line can check `--paper` without loading the pipeline.
 */
export function isPaper(value: string): value is Paper {
  return value === 'a4' || value === 'letter';
}
