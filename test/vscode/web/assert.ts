/**
 * node:assert/strict for the suite in the web worker extension host, where Node's is missing:
 * the five checks the suite uses, with Node's strict semantics (Object.is, deep equality of
 * plain data) and its messages' shape. scripts/build.mjs puts it in place of node:assert/strict
 * in the web bundle only; the Node runs use Node's own.
 */

export class AssertionError extends Error {
  override name = 'AssertionError';
}

function fail(message: string | undefined, fallback: string): never {
  throw new AssertionError(message ?? fallback);
}

function show(value: unknown): string {
  try {
    return typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}

export function ok(value: unknown, message?: string): asserts value {
  if (!value) fail(message, `The expression evaluated to a falsy value: ${show(value)}`);
}

export function equal<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (!Object.is(actual, expected)) fail(message, `Expected values to be strictly equal:\n${show(actual)} !== ${show(expected)}`);
}

export function notEqual(actual: unknown, expected: unknown, message?: string): void {
  if (Object.is(actual, expected)) fail(message, `Expected "actual" to be strictly unequal to: ${show(expected)}`);
}

export function deepEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (!deepStrictEqual(actual, expected)) fail(message, `Expected values to be strictly deep-equal:\n${show(actual)}\n${show(expected)}`);
}

export function match(value: string, pattern: RegExp, message?: string): void {
  if (typeof value !== 'string' || !pattern.test(value)) fail(message, `The input did not match the regular expression ${String(pattern)}. Input: ${show(value)}`);
}

function deepStrictEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((v, i) => deepStrictEqual(v, other[i]));
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepStrictEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
