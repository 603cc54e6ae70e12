// Sys: the handle each thread's code receives. Its methods are the system calls the
// simulated kernel offers, grouped by subsystem in the classes it extends
// (SysBase → FileCalls → ProcCalls → SocketCalls → IrqCalls → FsCalls → IoCalls → AsyncCalls →
// PosixAioCalls → ...). A few are C library functions done in user space, like POSIX AIO.

import { PosixAioCalls } from './userland/posix-aio.js';

export class Sys extends PosixAioCalls {}
