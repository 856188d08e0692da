/**
 * Runs `fn` once, in a task after the next frame is painted; or after `fallbackMs` if no frame comes
 * (a hidden tab gets no animation frames, and the edit must not wait for the tab to be shown).
 */
export function afterNextPaint(fn: () => void, fallbackMs = 250): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    fn();
  };
  const fallback = setTimeout(run, fallbackMs);
  requestAnimationFrame(() => setTimeout(run, 0));
}
