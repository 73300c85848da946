/**
 * A module loaded on demand, once: `load()` imports it (again after a failure, on the next call)
 * and rejects with the import's error when its chunk cannot be loaded; `failed` says whether the
 * last load failed. How the module is imported can be replaced by tests (a failing or a slow import).
 */
export class LazyModule {
  #import: () => Promise<unknown>;
  #loaded: () => boolean;
  #loading: Promise<void> | undefined;
  #failed = false;

  /** `loaded`: whether the module is there already without this load (imported by the page itself). */
  constructor(load: () => Promise<unknown>, loaded: () => boolean = () => false) {
    this.#import = load;
    this.#loaded = loaded;
  }

  get failed(): boolean {
    return this.#failed;
  }

  load(): Promise<void> {
    if (!this.#loading && this.#loaded()) return Promise.resolve();
    this.#loading ??= this.#import().then(
      () => {
        this.#failed = false;
      },
      (error: unknown) => {
        this.#loading = undefined;
        this.#failed = true;
        throw error;
      },
    );
    return this.#loading;
  }

  /** For tests: how the module is imported. Not public API. */
  setImportForTests(load: () => Promise<unknown>): void {
    this.#import = load;
  }
}
