/**
 * Ends every jest run with the plain line CI reads: `N passed, N failed`.
 */
class PassFailSummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.stdout.write(`\n${results.numPassedTests} passed, ${failed} failed\n`);
  }
}

module.exports = PassFailSummaryReporter;
