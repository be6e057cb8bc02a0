/** Runs at most `slots` pieces of work at once; the others wait in arrival order. */
export function createLimiter(slots: number) {
  let free = slots;
  const waiting: Array<() => void> = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (free > 0) free--;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line, so no newcomer can slip in between.
      const next = waiting.shift();
      if (next) next();
      else free++;
    }
  };
}
