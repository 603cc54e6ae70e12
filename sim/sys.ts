// Sys: the handle each thread's code receives. Its methods are the system calls the
// simulated kernel offers, grouped by subsystem in the classes it extends
// (SysBase → FileCalls → ProcCalls → SocketCalls → IrqCalls → FsCalls → IoCalls → AsyncCalls → ...).

import { AsyncCalls } from './io/calls-async.js';

export class Sys extends AsyncCalls {}
