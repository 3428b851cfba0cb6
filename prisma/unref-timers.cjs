// Prisma's WASM schema engine leaves 10 s and 60 s timers behind, so CLI commands linger after
// finishing. Unref long timers so the process exits as soon as the real work is done.
const original = global.setTimeout;
global.setTimeout = function patchedSetTimeout(fn, ms, ...args) {
  const timer = original(fn, ms, ...args);
  if (typeof ms === 'number' && ms >= 5000 && timer && typeof timer.unref === 'function') timer.unref();
  return timer;
};
