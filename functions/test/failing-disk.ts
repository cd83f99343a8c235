import fs from 'node:fs'

/**
 * A disk that fails under one folder, for PGlite fault tests: PGlite on Node writes its data
 * folder through Emscripten's NODEFS, i.e. with `fs.openSync` / `fs.writeSync` on this very
 * module object, so failing those calls is what a dying or full disk looks like to Postgres.
 * Only files whose path starts with `under` (e.g. `…/pg_wal/`, `…/base/`) fail, and only while
 * `failing()` says so. Returns the function that restores `fs`.
 */
export function failWritesUnder(
  under: () => readonly string[],
  code: 'EIO' | 'ENOSPC',
  failing: () => boolean,
): () => void {
  const { openSync, writeSync } = fs
  const doomed = new Set<number>()
  const errno = code === 'EIO' ? -5 : -28
  fs.openSync = ((path: fs.PathLike, ...rest: unknown[]) => {
    const fd = (openSync as (...a: unknown[]) => number)(path, ...rest)
    if (under().some((dir) => String(path).startsWith(dir))) doomed.add(fd)
    else doomed.delete(fd)
    return fd
  }) as typeof fs.openSync
  fs.writeSync = ((fd: number, ...rest: unknown[]) => {
    if (doomed.has(fd) && failing()) {
      throw Object.assign(
        new Error(`${code}: simulated ${code === 'EIO' ? 'i/o error' : 'no space left on device'}, write`),
        {
          code,
          errno,
          syscall: 'write',
        },
      )
    }
    return (writeSync as (...a: unknown[]) => number)(fd, ...rest)
  }) as typeof fs.writeSync
  return () => {
    fs.openSync = openSync
    fs.writeSync = writeSync
  }
}
