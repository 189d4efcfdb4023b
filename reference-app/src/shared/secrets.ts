import { timingSafeEqual } from 'node:crypto';

/** Compares a secret (password, PIN, CSRF token) in constant time for equal lengths. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
