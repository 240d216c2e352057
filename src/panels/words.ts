// Counts in words: "1 error", "2 errors".

/** `n` and the noun, singular for exactly one. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
