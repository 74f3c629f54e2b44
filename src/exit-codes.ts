/** Exit codes: 0 all built, 1–63 that many briefs failed (63 or more), 64 a usage error. */
export const MAX_FAILED_CODE = 63;
export const USAGE_CODE = 64;

export function failuresCode(failures: number): number {
  return Math.min(failures, MAX_FAILED_CODE);
}
