/**
 * A function of a text, each distinct text worked out once: long tables repeat a few texts
 * (format codes, a Measure column, target-date wording) down thousands of rows. Forgotten all
 * at once past `atMost`, since an add-in session reads many workbooks.
 */
export function rememberedByText<T>(work: (text: string) => T, atMost: number): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    let answer = known.get(text);
    if (answer === undefined) {
      answer = work(text);
      if (known.size >= atMost) known.clear();
      known.set(text, answer);
    }
    return answer;
  };
}
