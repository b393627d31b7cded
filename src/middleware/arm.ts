/**
 * @module middleware/arm
 * Experiment arms: a session always sees the same wording (deterministic bucketing of a pseudonymous session
 * key), so that analysts can compare arms. Without a session key the first arm is used.
 */

/** 32-bit FNV-1a: small, portable, well spread for bucketing (not for security). */
const fnv1a = (s: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** The arm for a session key. Cost: one pass over the key. */
export const assignArm = (arms: readonly string[], session: string | undefined): string => {
  if (session === undefined || session === '' || arms.length === 1) return arms[0] ?? 'default'
  return arms[fnv1a(`arm:${session}`) % arms.length] ?? arms[0] ?? 'default'
}
