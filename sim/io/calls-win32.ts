// The Windows model's calls, reached as sys.win32: I/O completion ports (see iocp.ts).
// THIS IS WINDOWS, NOT LINUX: Linux has no completion ports. The sockets and files
// are this simulated kernel's; the port, the overlapped calls and their rules are Win32's.

import type { Kernel } from '../kernel/kernel.js';
import type { Thread } from '../kernel/task.js';
import type { KGen } from '../kernel/step.js';
import { sysClose } from '../kernel/sys-file.js';
import type { Overlapped } from './iocp.js';
import {
  INVALID_HANDLE_VALUE, sysCreateIoCompletionPort, sysGetQueuedCompletionStatus, sysOverlappedRead, sysOverlappedWrite,
  sysPostQueuedCompletionStatus, type Out,
} from './sys-iocp.js';

import { PosixAioCalls } from '../userland/posix-aio.js';

type Caller = (name: string, args: string[] | ((ret: number) => string[]), body: KGen<number>) => Promise<number>;

const handle = (h: number) => (h === INVALID_HANDLE_VALUE ? 'INVALID_HANDLE_VALUE' : String(h));
const ms = (m: number) => (m === 0xffffffff || m === Infinity ? 'INFINITE' : String(m));

export class Win32 {
  private readonly err = { value: 0 };
  constructor(
    private readonly k: Kernel,
    private readonly t: Thread,
    private readonly call: Caller,
  ) {}

  /** GetLastError(): the error of this thread's last failed call (ERROR_IO_PENDING = 997 for "started"). */
  GetLastError(): number {
    return this.err.value;
  }

  /**
   * CreateIoCompletionPort(FileHandle, ExistingCompletionPort, CompletionKey, NumberOfConcurrentThreads):
   * with INVALID_HANDLE_VALUE and 0, makes a port whose concurrency value is the last
   * argument (0: one per CPU); with a handle and a port, associates them under the key.
   * Returns the port's handle, or 0 (NULL).
   */
  CreateIoCompletionPort(FileHandle: number, ExistingCompletionPort: number, CompletionKey: number, NumberOfConcurrentThreads: number): Promise<number> {
    return this.call('CreateIoCompletionPort', [handle(FileHandle), String(ExistingCompletionPort), String(CompletionKey), String(NumberOfConcurrentThreads)],
      sysCreateIoCompletionPort(this.k, this.t, FileHandle, ExistingCompletionPort, CompletionKey, NumberOfConcurrentThreads, this.err));
  }

  /** WSARecv with an OVERLAPPED: hand over the buffer now; the data lands in it later, and a packet says so. 0, or -1 (SOCKET_ERROR) with WSA_IO_PENDING. */
  async WSARecv(s: number, buf: Uint8Array, len: number, lpOverlapped: Overlapped): Promise<number> {
    const ok = await this.call('WSARecv', (r) => [String(s), `[{len=${len}}]`, '1', r ? 'done' : 'pending', 'lpOverlapped'], sysOverlappedRead(this.k, this.t, s, buf, len, lpOverlapped, this.err));
    return ok ? 0 : -1;
  }

  /** WSASend with an OVERLAPPED. 0, or -1 (SOCKET_ERROR) with WSA_IO_PENDING. */
  async WSASend(s: number, buf: Uint8Array, len: number, lpOverlapped: Overlapped): Promise<number> {
    const ok = await this.call('WSASend', [String(s), `[{len=${len}}]`, '1', 'lpOverlapped'], sysOverlappedWrite(this.k, this.t, s, buf, len, lpOverlapped, this.err));
    return ok ? 0 : -1;
  }

  /** ReadFile with an OVERLAPPED (lpOverlapped.Offset for files): TRUE (1) if done at once, else FALSE (0) with ERROR_IO_PENDING. */
  ReadFile(hFile: number, lpBuffer: Uint8Array, nNumberOfBytesToRead: number, lpOverlapped: Overlapped): Promise<number> {
    return this.call('ReadFile', [String(hFile), 'lpBuffer', String(nNumberOfBytesToRead), 'NULL', 'lpOverlapped'], sysOverlappedRead(this.k, this.t, hFile, lpBuffer, nNumberOfBytesToRead, lpOverlapped, this.err));
  }

  /** WriteFile with an OVERLAPPED. */
  WriteFile(hFile: number, lpBuffer: Uint8Array, nNumberOfBytesToWrite: number, lpOverlapped: Overlapped): Promise<number> {
    return this.call('WriteFile', [String(hFile), 'lpBuffer', String(nNumberOfBytesToWrite), 'NULL', 'lpOverlapped'], sysOverlappedWrite(this.k, this.t, hFile, lpBuffer, nNumberOfBytesToWrite, lpOverlapped, this.err));
  }

  /**
   * GetQueuedCompletionStatus(port, bytes, key, overlapped, dwMilliseconds): wait for a
   * completion packet (FIFO), released last-in-first-out among waiting threads and only
   * while fewer than the concurrency value run. TRUE (1), or FALSE (0): WAIT_TIMEOUT, or
   * the failed operation's error with its OVERLAPPED.
   */
  GetQueuedCompletionStatus(CompletionPort: number, lpNumberOfBytes: Out<number>, lpCompletionKey: Out<number>, lpOverlapped: Out<Overlapped | null>, dwMilliseconds: number): Promise<number> {
    return this.call('GetQueuedCompletionStatus', (r) => [String(CompletionPort), r ? `[${lpNumberOfBytes.value}]` : '[0]', r ? `[${lpCompletionKey.value}]` : '[0]', 'lpOverlapped', ms(dwMilliseconds)],
      sysGetQueuedCompletionStatus(this.k, this.t, CompletionPort, lpNumberOfBytes, lpCompletionKey, lpOverlapped, dwMilliseconds, this.err));
  }

  /** PostQueuedCompletionStatus: queue a packet of your own. */
  PostQueuedCompletionStatus(CompletionPort: number, dwNumberOfBytesTransferred: number, dwCompletionKey: number, lpOverlapped: Overlapped | null): Promise<number> {
    return this.call('PostQueuedCompletionStatus', [String(CompletionPort), String(dwNumberOfBytesTransferred), String(dwCompletionKey), lpOverlapped ? 'lpOverlapped' : 'NULL'],
      sysPostQueuedCompletionStatus(this.k, this.t, CompletionPort, dwNumberOfBytesTransferred, dwCompletionKey, lpOverlapped, this.err));
  }

  /** CloseHandle. */
  async CloseHandle(h: number): Promise<number> {
    return (await this.call('CloseHandle', [String(h)], sysClose(this.k, this.t, h))) === 0 ? 1 : 0;
  }
}

export class WindowsCalls extends PosixAioCalls {
  private win: Win32 | null = null;

  /**
   * The Windows model: I/O completion ports (CreateIoCompletionPort, WSARecv, WSASend,
   * ReadFile, GetQueuedCompletionStatus...). Not Linux: here to compare the proactor model
   * with epoll's reactor model on the same machine.
   */
  get win32(): Win32 {
    return (this.win ??= new Win32(this.k, this.t, (name, args, body) => this.call(name, args, body)));
  }
}
