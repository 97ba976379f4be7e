// Names every plain JavaScript object answers to without holding them (constructor, __proto__,
// toString, ...). A custom field named like one would read what objects inherit, so none is a field.
const RESERVED: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

export function isReservedName(name: string): boolean {
  return RESERVED.has(name);
}
