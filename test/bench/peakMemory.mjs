// Preloaded into a benchmarked process (`node --import`): reports its peak memory on exit.
process.on('exit', () => {
  process.stderr.write(`${JSON.stringify({ peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
});
