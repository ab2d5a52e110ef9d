// What a benchmark reports: a time, and the budget it must stay within (none: information only).
export interface BenchResult {
  name: string;
  ms: number;
  budgetMs?: number;
}
