/** A set of listeners; one that throws is reported and does not stop the others. */
export class Listeners<T> {
  #listeners = new Set<(event: T) => void>();

  get size(): number {
    return this.#listeners.size;
  }

  add(listener: (event: T) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(event: T): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
