// errno name → strerror text, for formatters that only have the name.
import * as errno from '../kernel/errno.js';

const byName = new Map<string, string>();
for (const [name, value] of Object.entries(errno)) {
  if (typeof value === 'number' && /^E[A-Z0-9]+$/.test(name) && !byName.has(errno.errnoName(value))) {
    byName.set(errno.errnoName(value), errno.strerror(value));
  }
}

export function strerrorByName(name: string): string {
  return byName.get(name) ?? name;
}
