/**
 * `npm start` runs the app and the demo server as its children: when it dies without cleaning up
 * (killed, its terminal gone), they must not linger. Each child polls the pid it was given and
 * stops itself once that process no longer exists.
 */
export function bewaakOuder(ouderPid: number, stop: () => void, elkeMs = 1000): () => void {
  const timer = setInterval(() => {
    if (leeft(ouderPid)) return;
    clearInterval(timer);
    stop();
  }, elkeMs);
  // The watch alone must not keep a process alive that has nothing else to do.
  timer.unref();
  return () => clearInterval(timer);
}

export function leeft(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (fout) {
    // EPERM: it exists but belongs to someone else, so it is alive.
    return (fout as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The parent's pid as `scripts/start.mjs` hands it over, or null outside `npm start`. */
export function ouderPid(env: NodeJS.ProcessEnv = process.env): number | null {
  const pid = Number(env.PIB_OUDER_PID);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}
