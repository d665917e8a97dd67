/**
 * Lookups and writes with keys that come from documents, configuration files or
 * settings. `table[key]` with a key like "constructor" or "toString" finds a member of
 * Object.prototype, and `object[key] = value` with "__proto__" replaces an object's
 * prototype: these two never do (issue 17).
 */

/** The value `record` holds under `key` itself, never one it inherits. */
export function own<T>(record: Readonly<Partial<Record<string, T>>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Sets `record[key]` as a property of its own, whatever the key ("__proto__" included). */
export function setOwn<T>(record: Partial<Record<string, T>>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
}
