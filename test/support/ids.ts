/**
 * Test data helpers, computed independently of the code under test.
 */

/** A valid resident ID number from its first 17 digits: appends the GB 11643 (ISO 7064 MOD 11-2) check character. */
export function validId(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return first17 + '10X98765432'[[...first17].reduce((s, d, i) => s + Number(d) * w[i]!, 0) % 11]!;
}
