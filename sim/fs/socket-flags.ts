// Socket options, message flags and shutdown modes as on Linux x86-64
// (include/uapi/asm-generic/socket.h, include/linux/socket.h, include/uapi/linux/in.h,
// include/uapi/linux/tcp.h, include/net/sock.h).

// setsockopt(2) / getsockopt(2) levels and options.
export const SOL_SOCKET = 1;
export const SO_REUSEADDR = 2;
export const SO_TYPE = 3;
export const SO_ERROR = 4;
export const SO_SNDBUF = 7;
export const SO_RCVBUF = 8;
export const SO_KEEPALIVE = 9;
export const SO_REUSEPORT = 15;
export const SO_RCVLOWAT = 18;
export const SO_LINGER = 13;
export const SO_ACCEPTCONN = 30;
export const IPPROTO_TCP = 6;
export const TCP_NODELAY = 1;

// send(2) / recv(2) flags.
/** Urgent (out-of-band) data: not modelled. */
export const MSG_OOB = 0x1;
export const MSG_PEEK = 0x2;
export const MSG_DONTWAIT = 0x40;
export const MSG_WAITALL = 0x100;
export const MSG_NOSIGNAL = 0x4000;

// shutdown(2) modes, and the bits they set in sk->sk_shutdown.
export const SHUT_RD = 0;
export const SHUT_WR = 1;
export const SHUT_RDWR = 2;
export const RCV_SHUTDOWN = 1;
export const SEND_SHUTDOWN = 2;
export const SHUTDOWN_MASK = 3;

// IPv4 addresses (as dotted strings: the simulator has no byte order to get wrong).
export const INADDR_ANY = '0.0.0.0';
export const INADDR_LOOPBACK = '127.0.0.1';
