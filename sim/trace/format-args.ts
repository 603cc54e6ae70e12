// Formatting system call arguments the way strace(1) prints them.

import {
  AF_INET, AF_UNIX, F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_GETFL, F_GETOWN, F_GETPIPE_SZ, F_SETFD, F_SETFL, F_SETOWN,
  F_SETPIPE_SZ, O_ACCMODE, O_APPEND, O_ASYNC, O_CLOEXEC, O_CREAT, O_DIRECT, O_EXCL, O_NONBLOCK, O_TRUNC,
  SOCK_CLOEXEC, SOCK_DGRAM, SOCK_NONBLOCK, SOCK_STREAM,
} from '../kernel/flags.js';
import { signalName } from '../kernel/signals.js';

/** strace's default string limit (-s 32). */
export const STRING_LIMIT = 32;

/** A buffer as strace shows it: "hello\n"... with octal escapes, cut at 32 bytes. */
export function quoteBytes(buf: Uint8Array, n: number): string {
  const len = Math.max(0, Math.min(n, buf.length));
  let s = '"';
  for (let i = 0; i < Math.min(len, STRING_LIMIT); i++) s += escapeByte(buf[i]!, buf[i + 1]);
  s += '"';
  if (len > STRING_LIMIT) s += '...';
  return s;
}

function escapeByte(b: number, next: number | undefined): string {
  switch (b) {
    case 0x0a: return '\\n';
    case 0x09: return '\\t';
    case 0x0d: return '\\r';
    case 0x0b: return '\\v';
    case 0x0c: return '\\f';
    case 0x22: return '\\"';
    case 0x5c: return '\\\\';
  }
  if (b >= 0x20 && b < 0x7f) return String.fromCharCode(b);
  // Octal, padded when the next byte is a digit so the escape cannot swallow it.
  const pad = next !== undefined && next >= 0x30 && next <= 0x37;
  return '\\' + (pad ? b.toString(8).padStart(3, '0') : b.toString(8));
}

const accModes = ['O_RDONLY', 'O_WRONLY', 'O_RDWR', 'O_ACCMODE'];
const statusFlags: [number, string][] = [
  [O_CREAT, 'O_CREAT'], [O_EXCL, 'O_EXCL'], [O_TRUNC, 'O_TRUNC'], [O_APPEND, 'O_APPEND'], [O_NONBLOCK, 'O_NONBLOCK'],
  [O_ASYNC, 'O_ASYNC'], [O_DIRECT, 'O_DIRECT'], [O_CLOEXEC, 'O_CLOEXEC'],
];

/** Open flags: "O_RDWR|O_NONBLOCK". */
export function openFlags(flags: number, withAccessMode = true): string {
  const parts = withAccessMode ? [accModes[flags & O_ACCMODE]!] : [];
  let rest = withAccessMode ? flags & ~O_ACCMODE : flags;
  for (const [bit, name] of statusFlags) {
    if (rest & bit) {
      parts.push(name);
      rest &= ~bit;
    }
  }
  if (rest) parts.push('0x' + rest.toString(16));
  return parts.length ? parts.join('|') : '0';
}

const fcntlNames: Record<number, string> = {
  [F_DUPFD]: 'F_DUPFD', [F_GETFD]: 'F_GETFD', [F_SETFD]: 'F_SETFD', [F_GETFL]: 'F_GETFL', [F_SETFL]: 'F_SETFL',
  [F_SETOWN]: 'F_SETOWN', [F_GETOWN]: 'F_GETOWN', [F_DUPFD_CLOEXEC]: 'F_DUPFD_CLOEXEC',
  [F_SETPIPE_SZ]: 'F_SETPIPE_SZ', [F_GETPIPE_SZ]: 'F_GETPIPE_SZ',
};

export function fcntlCmd(cmd: number): string {
  return fcntlNames[cmd] ?? String(cmd);
}

/** fcntl's arguments: the third only for commands that take one. */
export function fcntlArgs(fd: number, cmd: number, arg: number): string[] {
  const out = [String(fd), fcntlCmd(cmd)];
  if (cmd === F_SETFL) out.push(openFlags(arg)); // strace prints the access mode too: O_RDWR|O_NONBLOCK
  else if (cmd === F_SETFD) out.push(arg & 1 ? 'FD_CLOEXEC' : '0');
  else if (cmd !== F_GETFL && cmd !== F_GETFD && cmd !== F_GETPIPE_SZ && cmd !== F_GETOWN) out.push(String(arg));
  return out;
}

/** A successful fcntl()'s return value as strace decodes it: "0x802 (flags O_RDWR|O_NONBLOCK)". */
export function fcntlRet(cmdName: string | undefined, ret: number): string {
  if (ret < 0) return String(ret);
  if (cmdName === 'F_GETFL') return `0x${ret.toString(16)} (flags ${openFlags(ret)})`;
  if (cmdName === 'F_GETFD') return ret & 1 ? '0x1 (flags FD_CLOEXEC)' : '0';
  return String(ret);
}

export function socketDomain(d: number): string {
  return d === AF_UNIX ? 'AF_UNIX' : d === AF_INET ? 'AF_INET' : String(d);
}

export function socketType(type: number): string {
  const base = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
  const parts = [base === SOCK_STREAM ? 'SOCK_STREAM' : base === SOCK_DGRAM ? 'SOCK_DGRAM' : String(base)];
  if (type & SOCK_NONBLOCK) parts.push('SOCK_NONBLOCK');
  if (type & SOCK_CLOEXEC) parts.push('SOCK_CLOEXEC');
  return parts.join('|');
}

export function signal(sig: number): string {
  return signalName(sig);
}

/** An int array argument after the call: "[3, 4]". */
export function intPair(arr: number[] | undefined, ok: boolean): string {
  return ok && arr ? `[${arr[0]}, ${arr[1]}]` : '0x7ffc...';
}

/** Nanoseconds as nanosleep's struct timespec. */
export function timespec(ns: number): string {
  const s = Math.floor(ns / 1e9);
  return `{tv_sec=${s}, tv_nsec=${Math.round(ns - s * 1e9)}}`;
}
