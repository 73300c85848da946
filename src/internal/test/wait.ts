import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

/**
 * `waitUntil` of @open-wc/testing with a timeout sized for a loaded machine: its default of 1 s
 * fails a correct but slow render when other work shares the cores. It still checks every 50 ms,
 * so a passing wait is no slower.
 */
export function waitUntil(
  predicate: () => unknown,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(predicate, message, { timeout: 15_000, ...options });
}
