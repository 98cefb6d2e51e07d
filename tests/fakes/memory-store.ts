import type { DocumentStore } from '../../main/core/ports';

/**
 * An in-memory DocumentStore. Values are deep-copied on the way in and out, like a file
 * would, so a caller mutating what it read cannot change what was "saved".
 */
export class MemoryStore<T> implements DocumentStore<T> {
  private value: string | undefined;
  writes = 0;

  constructor(
    initial?: T,
    readonly path = '/memory/store.json',
  ) {
    if (initial !== undefined) this.value = JSON.stringify(initial);
  }

  read(): T | undefined {
    return this.value === undefined ? undefined : (JSON.parse(this.value) as T);
  }

  write(value: T): void {
    this.value = JSON.stringify(value);
    this.writes += 1;
  }
}
