import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

/**
 * `waitUntil` of @open-wc/testing with a timeout sized for a loaded machine: its default of 1 s
 * fails a correct but slow render when other work shares the cores. It still checks every 50 ms,
 * so a passing wait is no slower.
 *
 * `message` may be a function, read when the wait fails: a template string is read when the wait
 * begins, so `\`counted: ${count(el)}\`` would report the state before the wait, not the one it
 * ended in (a nine-level query once looked stuck on "Counting…" that way, issue 18).
 */
export async function waitUntil(
  predicate: () => unknown,
  message?: string | (() => string),
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  if (typeof message !== 'function') return openWcWaitUntil(predicate, message, { timeout: 15_000, ...options });
  try {
    await openWcWaitUntil(predicate, '', { timeout: 15_000, ...options });
  } catch (error) {
    throw new Error(`Timeout: ${message()}`, { cause: error });
  }
}
