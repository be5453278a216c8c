/**
 * Keeps one core busy (for `--cpu-hog`): spins in 50 ms slices, yielding between them so that it
 * notices its parent leaving; stops after `CPU_HOG_SECONDS` at most, or when the parent goes.
 */
const endAt = Date.now() + Number(process.env.CPU_HOG_SECONDS ?? 300) * 1000;
process.on('disconnect', () => process.exit(0));
function slice() {
  const until = Math.min(Date.now() + 50, endAt);
  while (Date.now() < until) Math.sqrt(until);
  if (Date.now() >= endAt) process.exit(0);
  setImmediate(slice);
}
slice();
