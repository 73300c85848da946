/**
 * Import first in a property-based test: every `fc.assert` then runs from one fixed seed, so a
 * run tries the same cases each time and a failure comes back on the next run. `FC_SEED=<n>`
 * tries other cases (in Node from the environment; in the browser web-test-runner.config.mjs
 * hands it to the page). A failure names the seed, the path to the shrunk case and how to replay it.
 */
import fc from 'fast-check';

const DEFAULT_SEED = 20261127;

const given =
  (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.FC_SEED ??
  (globalThis as { FC_SEED?: string | null }).FC_SEED;

export const FC_SEED = given ? Number(given) : DEFAULT_SEED;
if (!Number.isSafeInteger(FC_SEED)) throw new Error(`FC_SEED must be an integer, not ${given}`);

const replay = (seed: number, path: string | undefined) =>
  `\nReplay: FC_SEED=${seed} (this failure alone: { seed: ${seed}, path: "${path ?? ''}" } as fc.assert's parameters).`;

// `reporter` serves sync and async properties alike (fast-check allows one of it and `asyncReporter`).
fc.configureGlobal({
  seed: FC_SEED,
  reporter(details) {
    if (!details.failed) return;
    throw new Error(fc.defaultReportMessage(details) + replay(details.seed, details.counterexamplePath ?? undefined));
  },
});

/** A property test's own timeout: hundreds of runs, on a machine that may be busy with other work. */
export const PROPERTY_TIMEOUT = 120_000;
