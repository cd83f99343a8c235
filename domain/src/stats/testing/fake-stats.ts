import type { DashboardStats, StatsRepository, StatsScope } from '../stats.ports.ts'

/** Answers fixed counters per scope and remembers which scopes were asked for. */
export class FakeStatsRepository implements StatsRepository {
  readonly asked: StatsScope[] = []

  private readonly answer: (scope: StatsScope) => DashboardStats

  constructor(answer: (scope: StatsScope) => DashboardStats) {
    this.answer = answer
  }

  async count(scope: StatsScope): Promise<DashboardStats> {
    this.asked.push(scope)
    return this.answer(scope)
  }
}
