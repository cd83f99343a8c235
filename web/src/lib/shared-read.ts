// One request for a read that several sections of a page make (issue #19: the building page
// asked for a building's budgets twice, once for the budgets card and once for the calls' issue
// form). The answer is shared while some section still holds the key; a write through one
// section (`reload`) fetches once more for all of them; once the last holder is gone (the page
// was left) the answer is dropped, so the next visit reads afresh.
export type SharedReads<T> = {
  acquire(key: string): void
  release(key: string): void
  read(key: string): Promise<T>
  /** Forgets the answer: the next read of the key fetches again (after a write). */
  reload(key: string): void
}

export function createSharedReads<T>(fetch: (key: string) => Promise<T>): SharedReads<T> {
  const holders = new Map<string, number>()
  const answers = new Map<string, Promise<T>>()
  return {
    acquire(key) {
      holders.set(key, (holders.get(key) ?? 0) + 1)
    },
    release(key) {
      const left = (holders.get(key) ?? 1) - 1
      if (left > 0) holders.set(key, left)
      else {
        holders.delete(key)
        answers.delete(key)
      }
    },
    read(key) {
      let answer = answers.get(key)
      if (!answer) {
        answer = fetch(key)
        // A failed read is not kept: the next section asking tries again.
        answer.catch(() => answers.get(key) === answer && answers.delete(key))
        if (holders.has(key)) answers.set(key, answer)
      }
      return answer
    },
    reload(key) {
      answers.delete(key)
    },
  }
}
