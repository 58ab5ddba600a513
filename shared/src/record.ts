/**
 * Reading a record of state by an id that came from outside: only the record's own keys count.
 * `record[id]` would also find what every object inherits ("constructor", "toString", …).
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
