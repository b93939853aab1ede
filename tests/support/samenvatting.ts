import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends every run with the plain line CI reads in any language: "N passed, N failed, N skipped".
 */
export default class Samenvatting implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const telling = { passed: 0, failed: 0, skipped: 0 };
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const staat = test.result().state;
        if (staat === 'passed') telling.passed++;
        else if (staat === 'failed') telling.failed++;
        else telling.skipped++;
      }
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) telling.failed++;
    }
    process.stdout.write(`\n${telling.passed} passed, ${telling.failed} failed, ${telling.skipped} skipped\n`);
  }
}
