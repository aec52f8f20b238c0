// A status message only for slow work: nothing is posted when the answer comes quickly, so a fast
// answer still arrives as one message; a slow one gets "looking it up…" first, to be replaced by it.

/** Calls `post` if `settle()` has not been called within `ms`; `settle()` gives what `post` returned, once it has (undefined if it never ran or failed). */
export function lateStatus<T>(ms: number, post: () => Promise<T>, log: (line: string) => void) {
  let posting: Promise<T | undefined> | undefined;
  const timer = setTimeout(() => {
    posting = post().catch((error) => {
      log(`status message not posted: ${(error as Error).message}`);
      return undefined;
    });
  }, ms);
  return {
    async settle(): Promise<T | undefined> {
      clearTimeout(timer);
      return posting;
    },
  };
}
