// Readers' edits, kept per example in localStorage. Storage can be full, disabled or
// blocked (private modes, policies): then we say so once and carry on without it.

const PREFIX = 'inside-io:edit:';

export interface EditStore {
  load(id: string): string | null;
  save(id: string, source: string): boolean;
  clear(id: string): void;
}

export const editStore: EditStore = {
  load(id) {
    try {
      return window.localStorage.getItem(PREFIX + id);
    } catch {
      return null;
    }
  },
  save(id, source) {
    try {
      window.localStorage.setItem(PREFIX + id, source);
      return true;
    } catch {
      return false;
    }
  },
  clear(id) {
    try {
      window.localStorage.removeItem(PREFIX + id);
    } catch {
      // Nothing stored, nothing to clear.
    }
  },
};
