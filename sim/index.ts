// inside-io: the simulated kernel's public entry. Example programs import from here
// (as "inside-io"), and so do the book's components.

export { Sys } from './sys.js';
export type { ThreadFn } from './kernel/calls-proc.js';
export type { Rlimit } from './kernel/sys-proc.js';
export { run, lineInStack, type RunOptions, type RunResult, type LaneInfo } from './run.js';
export type { World } from './world.js';
export type { SensorSpec } from './hw/sensor.js';
export type { DiskSpec } from './hw/disk.js';
export type { FileSpec } from './world.js';
export { SEEK_SET, SEEK_CUR, SEEK_END } from './fs/regular-file.js';
export { IOCB_CMD_PREAD, IOCB_CMD_PWRITE, IOCB_CMD_FSYNC, IOCB_CMD_FDSYNC, IOCB_CMD_NOOP, RWF_NOWAIT, type Iocb, type IoEvent, type Timespec } from './io/aio.js';
export type { FutexWord } from './kernel/sys-futex.js';
export {
  IORING_OP_NOP, IORING_OP_READ, IORING_OP_WRITE, IORING_OP_FSYNC, IORING_OP_ACCEPT, IORING_OP_RECV, IORING_OP_SEND,
  IORING_SETUP_SQPOLL, IORING_ENTER_GETEVENTS, IORING_ENTER_SQ_WAKEUP, IORING_SQ_NEED_WAKEUP,
  type IoUringSqe, type IoUringCqe, type IoUringParams, type SqRing, type CqRing,
} from './io/uring.js';
export { SIGEV_NONE, SIGEV_SIGNAL, SIGEV_THREAD, type Aiocb } from './userland/posix-aio.js';
export type { Win32 } from './io/calls-win32.js';
export { UvLoop, UvTimer, UvPhaseHandle, UV_RUN_DEFAULT, UV_RUN_ONCE, UV_RUN_NOWAIT, type Callback } from './userland/uv/loop.js';
export { UvTcp, UV_EOF } from './userland/uv/tcp.js';
export { DEFAULT_THREADPOOL_SIZE } from './userland/uv/threadpool.js';
export { Reactor, type EventHandler } from './userland/reactor.js';
export { INVALID_HANDLE_VALUE, type Out } from './io/sys-iocp.js';
export { ERROR_IO_PENDING, WAIT_TIMEOUT, INFINITE, STATUS_PENDING, type Overlapped } from './io/iocp.js';
export {
  IoUring, io_uring_prep_nop, io_uring_prep_read, io_uring_prep_write, io_uring_prep_fsync, io_uring_prep_recv,
  io_uring_prep_send, io_uring_prep_accept,
} from './userland/liburing.js';
export type { IrqContext, IrqHandlers, RequestIrqOptions, HandlerContextKind } from './hw/driver.js';
export { resolveWorld, DEFAULT_UNTIL, DEFAULT_MAX_EVENTS, DEFAULT_HZ } from './world.js';
export type { Stop, StopReason, ProgramError, OutputLine } from './kernel/kernel.js';
export { defaultCosts, costSources, type Costs } from './cost.js';

export * from './kernel/errno.js';
export * from './kernel/flags.js';
export * from './kernel/poll.js';
export * from './fs/socket-flags.js';
export type { SockAddr } from './fs/socket.js';
export type { SockAddrOut } from './fs/sys-socket.js';
export { HOST_ADDR } from './fs/inet.js';
export * from './io/flags.js';
export { FdSet, FD_ZERO, FD_SET, FD_CLR, FD_ISSET, type Timeval } from './io/select.js';
export type { PollFd } from './io/poll.js';
export type { EpollEvent } from './io/epoll.js';
export type { NetworkSpec, ClientGroup } from './net/world.js';
export { percentile, type NetReport, type GroupReport } from './net/report.js';
export { FIONBIO, FIONREAD } from './kernel/sys-file.js';
export { ns, us, ms, sec, formatDuration, type Nanoseconds } from './kernel/time.js';

export type { TraceEvent, Category } from './trace/event.js';
export { computeStats, type Stats, type CpuTime } from './trace/stats.js';
export { formatStrace, straceLine, straceTime } from './trace/strace.js';
export { epollMaskName } from './trace/format-net.js';
export { toChromeTrace } from './trace/chrome.js';
export { strerrorByName } from './trace/errno-text.js';
export { syscalls, type Verdict, type CallFilter } from './trace/query.js';

export { loadProgram, SIM_MODULE, LOADER_LINE_OFFSET, ProgramLoadError, type LoadedProgram, type ParamValue } from './program/load.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A string as UTF-8 bytes, for write(). */
export function bytes(s: string): Uint8Array {
  return encoder.encode(s);
}

/** The first `n` bytes of a buffer as text (n defaults to the whole buffer). */
export function text(buf: Uint8Array, n: number = buf.length): string {
  return decoder.decode(buf.subarray(0, Math.max(0, n)));
}

export { transpile, type TranspileOk, type TranspileError } from './program/transpile.js';
export { runSource, type SourceRun, type SourceError, type RunSourceOptions } from './program/run-source.js';
