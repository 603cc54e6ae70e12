// errno values as on Linux x86-64 (include/uapi/asm-generic/errno-base.h and errno.h).
// System calls return -1 and set errno, exactly as the C library presents them.

export const EPERM = 1;
export const ENOENT = 2;
export const ESRCH = 3;
export const EINTR = 4;
export const EIO = 5;
export const ENXIO = 6;
export const EBADF = 9;
export const ECHILD = 10;
export const EAGAIN = 11;
/** Same value as EAGAIN on Linux (errno(3)). */
export const EWOULDBLOCK = EAGAIN;
export const ENOMEM = 12;
export const EACCES = 13;
export const EFAULT = 14;
export const EBUSY = 16;
export const EEXIST = 17;
export const ENODEV = 19;
export const ENOTDIR = 20;
export const EISDIR = 21;
export const EINVAL = 22;
export const ENFILE = 23;
export const EMFILE = 24;
export const ENOTTY = 25;
export const EFBIG = 27;
export const ENOSPC = 28;
export const ESPIPE = 29;
export const EPIPE = 32;
export const EDEADLK = 35;
export const ENOSYS = 38;
export const ELOOP = 40;
export const ENOTSOCK = 88;
export const EDESTADDRREQ = 89;
export const EMSGSIZE = 90;
export const EPROTOTYPE = 91;
export const ENOPROTOOPT = 92;
export const EPROTONOSUPPORT = 93;
export const EOPNOTSUPP = 95;
export const EAFNOSUPPORT = 97;
export const EADDRINUSE = 98;
export const EADDRNOTAVAIL = 99;
export const ENETUNREACH = 101;
export const ECONNABORTED = 103;
export const ECONNRESET = 104;
export const ENOBUFS = 105;
export const EISCONN = 106;
export const ENOTCONN = 107;
export const ETIMEDOUT = 110;
export const ECONNREFUSED = 111;
export const EALREADY = 114;
export const EINPROGRESS = 115;
export const ECANCELED = 125;

const names: Record<number, [string, string]> = {
  [EPERM]: ['EPERM', 'Operation not permitted'],
  [ENOENT]: ['ENOENT', 'No such file or directory'],
  [ESRCH]: ['ESRCH', 'No such process'],
  [EINTR]: ['EINTR', 'Interrupted system call'],
  [EIO]: ['EIO', 'Input/output error'],
  [ENXIO]: ['ENXIO', 'No such device or address'],
  [EBADF]: ['EBADF', 'Bad file descriptor'],
  [ECHILD]: ['ECHILD', 'No child processes'],
  [EAGAIN]: ['EAGAIN', 'Resource temporarily unavailable'],
  [ENOMEM]: ['ENOMEM', 'Cannot allocate memory'],
  [EACCES]: ['EACCES', 'Permission denied'],
  [EFAULT]: ['EFAULT', 'Bad address'],
  [EBUSY]: ['EBUSY', 'Device or resource busy'],
  [EEXIST]: ['EEXIST', 'File exists'],
  [ENODEV]: ['ENODEV', 'No such device'],
  [ENOTDIR]: ['ENOTDIR', 'Not a directory'],
  [EISDIR]: ['EISDIR', 'Is a directory'],
  [EINVAL]: ['EINVAL', 'Invalid argument'],
  [ENFILE]: ['ENFILE', 'Too many open files in system'],
  [EMFILE]: ['EMFILE', 'Too many open files'],
  [ENOTTY]: ['ENOTTY', 'Inappropriate ioctl for device'],
  [EFBIG]: ['EFBIG', 'File too large'],
  [ENOSPC]: ['ENOSPC', 'No space left on device'],
  [ESPIPE]: ['ESPIPE', 'Illegal seek'],
  [EPIPE]: ['EPIPE', 'Broken pipe'],
  [EDEADLK]: ['EDEADLK', 'Resource deadlock avoided'],
  [ENOSYS]: ['ENOSYS', 'Function not implemented'],
  [ELOOP]: ['ELOOP', 'Too many levels of symbolic links'],
  [ENOTSOCK]: ['ENOTSOCK', 'Socket operation on non-socket'],
  [EDESTADDRREQ]: ['EDESTADDRREQ', 'Destination address required'],
  [EMSGSIZE]: ['EMSGSIZE', 'Message too long'],
  [EPROTOTYPE]: ['EPROTOTYPE', 'Protocol wrong type for socket'],
  [ENOPROTOOPT]: ['ENOPROTOOPT', 'Protocol not available'],
  [EPROTONOSUPPORT]: ['EPROTONOSUPPORT', 'Protocol not supported'],
  [EOPNOTSUPP]: ['EOPNOTSUPP', 'Operation not supported'],
  [EAFNOSUPPORT]: ['EAFNOSUPPORT', 'Address family not supported by protocol'],
  [EADDRINUSE]: ['EADDRINUSE', 'Address already in use'],
  [EADDRNOTAVAIL]: ['EADDRNOTAVAIL', 'Cannot assign requested address'],
  [ENETUNREACH]: ['ENETUNREACH', 'Network is unreachable'],
  [ECONNABORTED]: ['ECONNABORTED', 'Software caused connection abort'],
  [ECONNRESET]: ['ECONNRESET', 'Connection reset by peer'],
  [ENOBUFS]: ['ENOBUFS', 'No buffer space available'],
  [EISCONN]: ['EISCONN', 'Transport endpoint is already connected'],
  [ENOTCONN]: ['ENOTCONN', 'Transport endpoint is not connected'],
  [ETIMEDOUT]: ['ETIMEDOUT', 'Connection timed out'],
  [ECONNREFUSED]: ['ECONNREFUSED', 'Connection refused'],
  [EALREADY]: ['EALREADY', 'Operation already in progress'],
  [EINPROGRESS]: ['EINPROGRESS', 'Operation now in progress'],
  [ECANCELED]: ['ECANCELED', 'Operation canceled'],
};

/** The symbolic name of an errno value, e.g. errnoName(11) === "EAGAIN". */
export function errnoName(e: number): string {
  return names[e]?.[0] ?? `E${e}`;
}

/** The C library's message for an errno value, as strerror(3) prints it. */
export function strerror(e: number): string {
  return names[e]?.[1] ?? `Unknown error ${e}`;
}
