// Flag and command values as on Linux x86-64 (include/uapi/asm-generic/fcntl.h,
// include/linux/socket.h, include/uapi/asm-generic/signal.h), so that programs
// written against the simulator read like C programs and carry over to C.

// open(2) access modes and file status flags.
export const O_RDONLY = 0o0;
export const O_WRONLY = 0o1;
export const O_RDWR = 0o2;
export const O_ACCMODE = 0o3;
export const O_CREAT = 0o100;
export const O_EXCL = 0o200;
export const O_TRUNC = 0o1000;
export const O_APPEND = 0o2000;
export const O_NONBLOCK = 0o4000;
export const O_ASYNC = 0o20000;
export const O_DIRECT = 0o40000;
export const O_CLOEXEC = 0o2000000;

/** Status flags that F_SETFL may change (fs/fcntl.c SETFL_MASK). */
export const SETFL_MASK = O_APPEND | O_NONBLOCK | O_ASYNC | O_DIRECT;

// fcntl(2) commands.
export const F_DUPFD = 0;
export const F_GETFD = 1;
export const F_SETFD = 2;
export const F_GETFL = 3;
export const F_SETFL = 4;
export const F_SETOWN = 8;
export const F_GETOWN = 9;
export const F_DUPFD_CLOEXEC = 1030;
export const F_SETPIPE_SZ = 1031;
export const F_GETPIPE_SZ = 1032;
export const FD_CLOEXEC = 1;

// socket(2) domains and types.
export const AF_UNIX = 1;
export const AF_LOCAL = AF_UNIX;
export const AF_INET = 2;
export const SOCK_STREAM = 1;
export const SOCK_DGRAM = 2;
export const SOCK_NONBLOCK = O_NONBLOCK;
export const SOCK_CLOEXEC = O_CLOEXEC;

// Signals that I/O programs meet.
export const SIGINT = 2;
export const SIGKILL = 9;
export const SIGPIPE = 13;
export const SIGCHLD = 17;
export const SIGIO = 29;
export const SIG_DFL = 0;
export const SIG_IGN = 1;

// Resource limits (getrlimit(2)).
export const RLIMIT_NOFILE = 7;
export const RLIM_INFINITY = Number.MAX_SAFE_INTEGER;

// Sizes the man pages promise.
/** pipe(7): writes of up to PIPE_BUF bytes are atomic. */
export const PIPE_BUF = 4096;
/** pipe(7): default pipe capacity since Linux 2.6.11 (16 pages). */
export const PIPE_DEF_CAPACITY = 65536;
export const PAGE_SIZE = 4096;
