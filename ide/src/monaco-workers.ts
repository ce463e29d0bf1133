// Monaco runs its language services in web workers. Each is bundled by scripts/build-ide.ts beside
// this bundle and loaded from the gateway itself (never from a CDN), relative to this module's URL.
const workerUrl = (file: string) => new URL(`./${file}`, import.meta.url);

(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    switch (label) {
      case "json":
        return new Worker(workerUrl("json.worker.js"));
      case "graphql":
        return new Worker(workerUrl("graphql.worker.js"));
      default:
        return new Worker(workerUrl("editor.worker.js"));
    }
  },
};
