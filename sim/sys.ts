// Sys: the handle each thread's code receives. Its methods are the system calls the
// simulated kernel offers, grouped by subsystem in the classes it extends
// (SysBase → FileCalls → ProcCalls → SocketCalls → IrqCalls → FsCalls → ...).

import { FsCalls } from './fs/calls-fs.js';

export class Sys extends FsCalls {}
