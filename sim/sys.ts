// Sys: the handle each thread's code receives. Its methods are the system calls the
// simulated kernel offers, grouped by subsystem in the classes it extends
// (SysBase → FileCalls → ProcCalls → SocketCalls → IrqCalls → FsCalls → IoCalls → AsyncCalls →
// PosixAioCalls → WindowsCalls). A few are C library functions done in user space, like
// POSIX AIO; sys.win32 holds the Windows model's calls (completion ports).

import { WindowsCalls } from './io/calls-win32.js';

export class Sys extends WindowsCalls {}
