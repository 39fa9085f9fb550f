/**
 * How long to wait before the next attempt to reach the server: exponential, capped, and "equal jitter" (half
 * fixed, half random), so a restarted server is not hit by every phone in the same millisecond and yet no
 * phone retries sooner than half its step (SPEC W-NET-1).
 */
export function reconnectDelay(
  failedAttempts: number,
  random: () => number,
  { baseMs = 500, maxMs = 15_000 }: { baseMs?: number; maxMs?: number } = {},
): number {
  const step = Math.min(maxMs, baseMs * 2 ** Math.max(0, failedAttempts - 1));
  return step / 2 + random() * (step / 2);
}
