// The Win32 calls of the completion-port model (see iocp.ts: this is Windows, not Linux).
// Each returns what the Win32 function returns; errors go to GetLastError (`err`).

import type { Kernel } from '../kernel/kernel.js';
import type { Thread } from '../kernel/task.js';
import type { KGen } from '../kernel/step.js';
import { work } from '../kernel/step.js';
import { OpenFile } from '../kernel/file.js';
import { EAGAIN } from '../kernel/errno.js';
import { O_RDWR } from '../kernel/flags.js';
import {
  CompletionPort, ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, ERROR_IO_PENDING, WAIT_TIMEOUT, associate, dequeue,
  overlappedRead, overlappedWrite, type Overlapped,
} from './iocp.js';

export const INVALID_HANDLE_VALUE = -1;

export interface Win32Error {
  value: number;
}

function portOf(t: Thread, h: number): CompletionPort | null {
  const obj = t.process.fds.get(h)?.file.obj;
  return obj instanceof CompletionPort ? obj : null;
}

/** CreateIoCompletionPort: make a port (FileHandle = INVALID_HANDLE_VALUE), or associate a handle with one. */
export function* sysCreateIoCompletionPort(k: Kernel, t: Thread, file: number, existing: number, key: number, concurrency: number, err: Win32Error): KGen<number> {
  yield* work(k.costs.fileOp * 4);
  let port = existing ? portOf(t, existing) : null;
  let handle = existing;
  if (existing && !port) {
    err.value = ERROR_INVALID_PARAMETER;
    return 0;
  }
  if (!port) {
    port = new CompletionPort(k, concurrency);
    handle = t.process.fds.install(new OpenFile(port, O_RDWR));
  }
  if (file !== INVALID_HANDLE_VALUE) {
    const e = t.process.fds.get(file);
    if (!e) {
      err.value = ERROR_INVALID_HANDLE;
      return 0;
    }
    associate(e.file, port, key);
  }
  return handle;
}

/** ReadFile / WSARecv with an OVERLAPPED: TRUE if done now (a packet is queued all the same), else FALSE with ERROR_IO_PENDING. */
export function* sysOverlappedRead(k: Kernel, t: Thread, h: number, buf: Uint8Array, len: number, ov: Overlapped, err: Win32Error): KGen<number> {
  yield* work(k.costs.fileOp);
  const e = t.process.fds.get(h);
  if (!e || !(buf instanceof Uint8Array) || !ov) {
    err.value = e ? ERROR_INVALID_PARAMETER : ERROR_INVALID_HANDLE;
    return 0;
  }
  const r = yield* overlappedRead(k, t, e.file, buf, Math.min(len, buf.length), ov, typeof ov.Offset === 'number' ? ov.Offset : null);
  if (r === -EAGAIN) {
    err.value = ERROR_IO_PENDING;
    return 0;
  }
  return 1;
}

/** WriteFile / WSASend with an OVERLAPPED. */
export function* sysOverlappedWrite(k: Kernel, t: Thread, h: number, data: Uint8Array, len: number, ov: Overlapped, err: Win32Error): KGen<number> {
  yield* work(k.costs.fileOp);
  const e = t.process.fds.get(h);
  if (!e || !ov) {
    err.value = e ? ERROR_INVALID_PARAMETER : ERROR_INVALID_HANDLE;
    return 0;
  }
  const r = yield* overlappedWrite(k, t, e.file, data, Math.min(len, data.length), ov);
  if (r === -EAGAIN) {
    err.value = ERROR_IO_PENDING;
    return 0;
  }
  return 1;
}

export interface Out<T> {
  value: T;
}

/** GetQueuedCompletionStatus: TRUE with a packet; FALSE with WAIT_TIMEOUT; FALSE with the error for a failed operation. */
export function* sysGetQueuedCompletionStatus(k: Kernel, t: Thread, h: number, bytes: Out<number>, key: Out<number>, ov: Out<Overlapped | null>, ms: number, err: Win32Error): KGen<number> {
  const port = portOf(t, h);
  if (!port) {
    err.value = ERROR_INVALID_HANDLE;
    return 0;
  }
  const timeout = ms === 0xffffffff || ms === Infinity ? undefined : Math.max(0, ms) * 1_000_000;
  const p = yield* dequeue(k, t, port, timeout);
  if (!p) {
    ov.value = null;
    err.value = WAIT_TIMEOUT;
    return 0;
  }
  bytes.value = p.bytes;
  key.value = p.key;
  ov.value = p.overlapped;
  yield* work(k.costs.copyBase); // the packet's fields copied out
  if (p.error) {
    err.value = p.error;
    return 0;
  }
  return 1;
}

/** PostQueuedCompletionStatus: the program queues its own packet (to wake a worker, to stop one). */
export function* sysPostQueuedCompletionStatus(k: Kernel, t: Thread, h: number, bytes: number, key: number, ov: Overlapped | null, err: Win32Error): KGen<number> {
  yield* work(k.costs.fileOp);
  const port = portOf(t, h);
  if (!port) {
    err.value = ERROR_INVALID_HANDLE;
    return 0;
  }
  port.queuePacket({ bytes, key, overlapped: ov, error: 0 });
  return 1;
}
