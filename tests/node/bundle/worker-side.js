// The worker side of a bundle: it works as it is evaluated, so it runs only in a worker.
globalThis.workerRuns = (globalThis.workerRuns ?? 0) + 1;
