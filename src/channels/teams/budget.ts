// Teams waits about 15 seconds for the answer to an activity. Work that is done within
// the budget is answered in the turn; slower work goes on, and its result is sent
// proactively (the caller decides how), so nothing is lost to a timeout.

export const ANSWER_BUDGET_MS = 10_000;

export type Raced<T> = { done: true; value: T } | { done: false; later: Promise<T> };

export async function withinBudget<T>(work: Promise<T>, budgetMs: number): Promise<Raced<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), budgetMs);
  });
  try {
    const first = await Promise.race([work.then((value) => ({ value })), timeout]);
    return first === 'late' ? { done: false, later: work } : { done: true, value: first.value };
  } finally {
    clearTimeout(timer);
  }
}
