import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Ends the e2e run with the plain line CI reads: "N passed, N failed, N skipped". */
export default class Samenvatting implements Reporter {
  #telling = { passed: 0, failed: 0, skipped: 0 };

  onTestEnd(_test: TestCase, result: TestResult): void {
    if (result.status === 'passed') this.#telling.passed++;
    else if (result.status === 'skipped') this.#telling.skipped++;
    else this.#telling.failed++;
  }

  onEnd(_result: FullResult): void {
    const t = this.#telling;
    process.stdout.write(`\n${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped\n`);
  }
}
