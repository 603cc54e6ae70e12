// The file namespace (a much reduced fs/namei.c + fs/open.c): absolute paths map to
// nodes, which open() turns into file objects. /dev holds the world's devices; every
// other path is a regular file on the disk's filesystem (sim/fs/regular-file.ts).

import type { FileObject } from '../kernel/file.js';
import type { Kernel } from '../kernel/kernel.js';
import type { Thread } from '../kernel/task.js';

/** What a path names: something that can be opened (an inode with its file operations). */
export interface VfsNode {
  readonly kind: 'chr' | 'reg';
  /** ->open(): a file object for this node, or -errno. */
  open(k: Kernel, t: Thread, flags: number): FileObject | number;
}

export class Vfs {
  private readonly nodes = new Map<string, VfsNode>();

  /** Register a node at a path (a device's /dev entry, a file of the world). */
  add(path: string, node: VfsNode): void {
    this.nodes.set(normalize(path), node);
  }

  lookup(path: string): VfsNode | undefined {
    return this.nodes.get(normalize(path));
  }

  remove(path: string): boolean {
    return this.nodes.delete(normalize(path));
  }

  /** Paths under a directory, sorted (for tests and listings). */
  list(prefix = '/'): string[] {
    const p = normalize(prefix);
    return [...this.nodes.keys()].filter((k) => k.startsWith(p)).sort();
  }
}

/** "/a/./b//c" → "/a/b/c"; relative paths are taken from / (every process's cwd is /). */
export function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}
