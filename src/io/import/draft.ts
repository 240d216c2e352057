// Plan objects as a reader builds them: an object is made with what every one of its kind has, and
// its optional fields are filled in as the input has them.

/** A plan object whose fields (and lists) can still be filled in. */
export type Mutable<T> = {
  -readonly [K in keyof T]: NonNullable<T[K]> extends readonly (infer U)[]
    ? U[] | Extract<T[K], undefined>
    : T[K];
};

/** The object with its name, when the input gives one. */
export function named<T extends object>(o: T, name: string | undefined): T {
  if (name !== undefined) (o as { name?: string }).name = name;
  return o;
}
