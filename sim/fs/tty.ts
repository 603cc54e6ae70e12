// Standard input, output and error of every process started from a world.
// stdin is /dev/null (reads return end-of-file); stdout and stderr are a terminal
// whose output the run collects, so that write(1, ...) is how a program prints.

import type { FileObject, OpenFile } from '../kernel/file.js';
import { OpenFile as File } from '../kernel/file.js';
import type { Kernel } from '../kernel/kernel.js';
import type { Process, Thread } from '../kernel/task.js';
import type { KGen } from '../kernel/step.js';
import { O_RDONLY, O_WRONLY } from '../kernel/flags.js';
import { POLLIN, POLLOUT, POLLRDNORM, POLLWRNORM } from '../kernel/poll.js';
import { copyFromUser } from '../kernel/uaccess.js';
import { work } from '../kernel/step.js';

const decoder = new TextDecoder();

/** /dev/null (drivers/char/mem.c null_fops): no ->poll, so select and poll see it always ready and epoll refuses it (EPERM). */
class DevNull implements FileObject {
  readonly kind = 'chr';
  describe(): string {
    return '/dev/null';
  }
  *read(): KGen<number> {
    return 0;
  }
  *write(_k: Kernel, _t: Thread, _f: OpenFile, _d: Uint8Array, count: number): KGen<number> {
    return count;
  }
}

class Terminal implements FileObject {
  readonly kind = 'tty';
  /** Which stream the run's output shows this as (1 stdout, 2 stderr); both are the same terminal. */
  constructor(private readonly stream: 1 | 2) {}
  describe(): string {
    return '/dev/pts/0';
  }
  *read(): KGen<number> {
    return 0;
  }
  *write(k: Kernel, t: Thread, f: OpenFile, data: Uint8Array, count: number): KGen<number> {
    yield* copyFromUser(k, count);
    yield* work(k.costs.fileOp);
    void f;
    k.output.push({ t: k.now, pid: t.process.pid, fd: this.stream, text: decoder.decode(data.subarray(0, count)) });
    return count;
  }
  poll(): number {
    return POLLOUT | POLLWRNORM;
  }
}

/** Descriptors 0, 1 and 2 of a new process. */
export function setupStdio(k: Kernel, p: Process): void {
  void k;
  p.fds.install(new File(new DevNull(), O_RDONLY));
  p.fds.install(new File(new Terminal(1), O_WRONLY));
  p.fds.install(new File(new Terminal(2), O_WRONLY));
}
