// Preloaded into a benchmarked process (`node --import`): reports its peak memory on exit, and
// the CPU time of all its threads (what says most when other jobs share the machine).
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`${JSON.stringify({ peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024), cpuSeconds: Math.round((user + system) / 1e5) / 10 })}\n`);
});
