/**
 * A function of a text, each distinct text worked out once: long tables repeat a few texts
 * (format codes, a Measure column, target-date wording) down thousands of rows. Forgotten all
 * at once past `atMost`, since an add-in session reads many workbooks.
 */
export function rememberedByText<T>(work: (text: string) => T, atMost: number): (text: string) => T {
  return remembered(work, atMost);
}

/** rememberedByText for any key a Map tells apart by value (a text or a number). */
export function remembered<K extends string | number, T>(work: (key: K) => T, atMost: number): (key: K) => T {
  const known = new Map<K, T>();
  return (key) => {
    let answer = known.get(key);
    if (answer === undefined) {
      answer = work(key);
      if (known.size >= atMost) known.clear();
      known.set(key, answer);
    }
    return answer;
  };
}
