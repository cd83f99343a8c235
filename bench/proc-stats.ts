/** CPU and memory of the measured processes, read from /proc (Linux). */
import { readdirSync, readFileSync } from 'node:fs'

/** The process and its descendants (the workerd profile's server is miniflare's workerd child). */
export function processTree(pid: number): number[] {
  const all = [pid]
  for (let i = 0; i < all.length; i++) {
    try {
      for (const task of readdirSync(`/proc/${all[i]}/task`)) {
        const kids = readFileSync(`/proc/${all[i]}/task/${task}/children`, 'utf8').trim()
        if (kids) all.push(...kids.split(' ').map(Number))
      }
    } catch {
      // the process ended meanwhile
    }
  }
  return all
}

/** utime + stime of a process, in seconds. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}
/** Busy share of each CPU between two readings of /proc/stat (the whole machine: shared hosts add noise). */
export function cpuTimes(): number[][] {
  return readFileSync('/proc/stat', 'utf8')
    .split('\n')
    .filter((l) => /^cpu\d/.test(l))
    .map((l) => l.split(/\s+/).slice(1, 9).map(Number))
}
export function busyPct(a: number[][], b: number[][]): number[] {
  return b.map((row, i) => {
    const before = a[i] ?? row
    const d = row.map((v, j) => v - (before[j] ?? 0))
    const total = d.reduce((x, y) => x + y, 0)
    const idle = (d[3] ?? 0) + (d[4] ?? 0)
    return total > 0 ? Math.round((100 * (total - idle)) / total) : 0
  })
}
export function memoryMb(pid: number): { peakRss: number; rss: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
  return { peakRss: Math.round(kb('VmHWM') / 1024), rss: Math.round(kb('VmRSS') / 1024) }
}
