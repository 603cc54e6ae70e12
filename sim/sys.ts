// Sys: the handle each thread's code receives. Its methods are the system calls the
// simulated kernel offers, grouped by subsystem in the classes it extends.

import { ProcCalls } from './kernel/calls-proc.js';

export class Sys extends ProcCalls {}
