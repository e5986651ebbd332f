/**
 * A function of a key (a text or a number, which a Map tells apart by value), each distinct
 * key worked out once: long tables repeat a few texts and values (format codes, a Measure
 * column, target-date wording, a summary's figures) down thousands of rows. Forgotten all at
 * once past `atMost`, since an add-in session reads many workbooks.
 */
export function remembered<K extends string | number, T>(work: (key: K) => T, atMost: number): (key: K) => T {
  const known = new Remembered<K, T>(atMost);
  return (key) => known.of(key, work);
}

/**
 * remembered's answers as an object whose work is given at each asking: a module function,
 * the same at every call, where remembered's would be a closure made for each use (a
 * compiled caller told one closure from another, and threw its code away at the next).
 */
export class Remembered<K extends string | number, T> {
  private readonly known = new Map<K, T>();

  constructor(private readonly atMost: number) {}

  of(key: K, work: (key: K) => T): T {
    let answer = this.known.get(key);
    if (answer === undefined) {
      answer = work(key);
      if (this.known.size >= this.atMost) this.known.clear();
      this.known.set(key, answer);
    }
    return answer;
  }
}

/**
 * A value made on its first use and kept: core's zod schemas, which a run of `check` mostly
 * needs only as types, so that building them is not part of every start.
 */
export function madeOnce<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
