#!/usr/bin/env python3
"""Run differential scenarios on this machine's real Linux kernel.

Reads {"scenarios": [...]} (see scenarios.ts) as JSON on stdin and prints one line per
scenario: "RESULT <index> <json>" with the raw outcomes of its steps, or
"TIMEOUT <index>" if it did not finish in time. Each scenario runs in a forked child
with only descriptors 0, 1 and 2 open, so descriptors are numbered as in the simulator.
System calls go through the C library (ctypes) where Python's wrappers would hide
something (select's nfds, poll's negative fds, epoll's maxevents and data).
Only loopback addresses are used; every scenario is bounded in time.
"""
import ctypes
import errno
import json
import os
import resource
import signal
import socket
import sys
import threading
import time

libc = ctypes.CDLL(None, use_errno=True)

POLL_BITS = {
    'POLLIN': 0x1, 'POLLPRI': 0x2, 'POLLOUT': 0x4, 'POLLERR': 0x8, 'POLLHUP': 0x10, 'POLLNVAL': 0x20,
    'POLLRDNORM': 0x40, 'POLLRDBAND': 0x80, 'POLLWRNORM': 0x100, 'POLLWRBAND': 0x200, 'POLLRDHUP': 0x2000,
}
EPOLL_BITS = {('E' + k): v for k, v in POLL_BITS.items()}
EPOLL_BITS.update({'EPOLLEXCLUSIVE': 1 << 28, 'EPOLLWAKEUP': 1 << 29, 'EPOLLONESHOT': 1 << 30, 'EPOLLET': 1 << 31})
MSG = {'MSG_PEEK': 0x2, 'MSG_DONTWAIT': 0x40, 'MSG_WAITALL': 0x100, 'MSG_NOSIGNAL': 0x4000}
SHUT = {'SHUT_RD': 0, 'SHUT_WR': 1, 'SHUT_RDWR': 2}
SOCKOPT = {'SO_ERROR': 4, 'SO_SNDBUF': 7, 'SO_RCVBUF': 8, 'SO_TYPE': 3, 'SO_ACCEPTCONN': 30, 'SO_REUSEADDR': 2}
CTL = {'ADD': 1, 'DEL': 2, 'MOD': 3}
SOCK_NONBLOCK = 0o4000
O_NONBLOCK = os.O_NONBLOCK


class timeval(ctypes.Structure):
    _fields_ = [('tv_sec', ctypes.c_long), ('tv_usec', ctypes.c_long)]


class pollfd(ctypes.Structure):
    _fields_ = [('fd', ctypes.c_int), ('events', ctypes.c_short), ('revents', ctypes.c_short)]


class epoll_event(ctypes.Structure):
    _pack_ = 1
    _fields_ = [('events', ctypes.c_uint32), ('data', ctypes.c_uint64)]


def bits(names, table):
    v = 0
    for n in names or []:
        v |= table[n]
    return v


def err_name(e):
    return errno.errorcode.get(e, 'E%d' % e)


def fail(e):
    return {'ret': -1, 'errno': err_name(e)}


class Scenario:
    def __init__(self):
        self.fds = {}

    def fd(self, name):
        if isinstance(name, int):
            return name
        return self.fds[name]

    def name_of(self, fd):
        for k, v in self.fds.items():
            if v == fd:
                return k
        return str(fd)

    def with_sock(self, fd, fn):
        s = socket.socket(fileno=fd)
        try:
            return fn(s)
        finally:
            s.detach()

    def run(self, steps):
        out = []
        threads = []
        for step in steps:
            if step['op'] == 'thread':
                results = []
                th = threading.Thread(target=self.thread_body, args=(step, results))
                th.start()
                threads.append((th, results))
                out.append({'ret': 0})
                continue
            out.append(self.step(step))
        for th, _ in threads:
            th.join(10)
        return {'main': out, 'threads': [r for _, r in threads]}

    def thread_body(self, step, results):
        time.sleep(step.get('delay_ms', 0) / 1000)
        for s in step['steps']:
            results.append(self.step(s))

    def step(self, s):
        try:
            return getattr(self, 'op_' + s['op'])(s)
        except OSError as e:
            return fail(e.errno)

    # -- descriptors ---------------------------------------------------------------------------

    def op_pipe(self, s):
        flags = O_NONBLOCK if 'O_NONBLOCK' in s.get('flags', []) else 0
        r, w = os.pipe2(flags)
        self.fds[s['as'][0]], self.fds[s['as'][1]] = r, w
        return {'ret': 0}

    def op_socketpair(self, s):
        a, b = socket.socketpair()
        fa, fb = a.detach(), b.detach()
        if 'SOCK_NONBLOCK' in s.get('flags', []):
            os.set_blocking(fa, False)
            os.set_blocking(fb, False)
        self.fds[s['as'][0]], self.fds[s['as'][1]] = fa, fb
        return {'ret': 0}

    def op_socket(self, s):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        fd = sock.detach()
        if 'SOCK_NONBLOCK' in s.get('flags', []):
            os.set_blocking(fd, False)
        self.fds[s['as']] = fd
        return {'ret': 0}

    def op_listen(self, s):
        self.op_socket(s)
        fd = self.fds[s['as']]

        def go(sock):
            sock.bind(('127.0.0.1', 0))
            if s.get('listen', True):
                sock.listen(s.get('backlog', 8))
            return {'ret': 0}
        return self.with_sock(fd, go)

    def op_connect(self, s):
        port = self.with_sock(self.fd(s['to']), lambda x: x.getsockname()[1])
        e = self.with_sock(self.fd(s['fd']), lambda x: x.connect_ex(('127.0.0.1', port)))
        return {'ret': 0} if e == 0 else fail(e)

    def op_accept(self, s):
        flags = bits(s.get('flags'), {'SOCK_NONBLOCK': SOCK_NONBLOCK})
        fd = libc.accept4(self.fd(s['fd']), None, None, flags)
        if fd < 0:
            return fail(ctypes.get_errno())
        self.fds[s['as']] = fd
        return {'ret': 0}

    def op_close(self, s):
        os.close(self.fd(s['fd']))
        return {'ret': 0}

    def op_dup(self, s):
        self.fds[s['as']] = os.dup(self.fd(s['fd']))
        return {'ret': 0}

    def op_dup2(self, s):
        self.fds[s['as']] = os.dup2(self.fd(s['fd']), s['to'])
        return {'ret': 0}

    def op_devnull(self, s):
        self.fds[s['as']] = os.open('/dev/null', os.O_RDWR)
        return {'ret': 0}

    def op_set_nonblock(self, s):
        os.set_blocking(self.fd(s['fd']), False)
        return {'ret': 0}

    def op_getfl_nonblock(self, s):
        return {'ret': 0, 'value': 1 if not os.get_blocking(self.fd(s['fd'])) else 0}

    def op_limit_nofile(self, s):
        highest = max(self.fds.values()) if self.fds else 2
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        resource.setrlimit(resource.RLIMIT_NOFILE, (highest + 1 + s.get('extra', 0), hard))
        return {'ret': 0}

    def op_raise_nofile(self, s):
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(s['value'], hard), hard))
        return {'ret': 0}

    def op_sleep(self, s):
        time.sleep(s['ms'] / 1000)
        return {'ret': 0}

    # -- data --------------------------------------------------------------------------------

    def op_write(self, s):
        return {'ret': os.write(self.fd(s['fd']), b'x' * s['bytes'])}

    def op_read(self, s):
        return {'ret': len(os.read(self.fd(s['fd']), s['count']))}

    def op_recv(self, s):
        flags = bits(s.get('flags'), MSG)
        return {'ret': len(self.with_sock(self.fd(s['fd']), lambda x: x.recv(s['count'], flags)))}

    def op_send(self, s):
        flags = bits(s.get('flags'), MSG)
        return {'ret': self.with_sock(self.fd(s['fd']), lambda x: x.send(b'x' * s['bytes'], flags))}

    def op_fill(self, s):
        fd = self.fd(s['fd'])
        chunk = b'x' * s.get('chunk', 4096)
        total = 0
        while True:
            try:
                total += os.write(fd, chunk)
            except BlockingIOError:
                return {'ret': 0, 'bytes': total, 'end': 'EAGAIN'}
            except OSError as e:
                return {'ret': 0, 'bytes': total, 'end': err_name(e.errno)}
            if total > 64 << 20:
                return {'ret': 0, 'bytes': total, 'end': 'never full'}

    def op_drain(self, s):
        fd = self.fd(s['fd'])
        total = 0
        while True:
            try:
                n = len(os.read(fd, 65536))
            except BlockingIOError:
                return {'ret': 0, 'bytes': total, 'end': 'EAGAIN'}
            except OSError as e:
                return {'ret': 0, 'bytes': total, 'end': err_name(e.errno)}
            if n == 0:
                return {'ret': 0, 'bytes': total, 'end': 'EOF'}
            total += n

    def op_shutdown(self, s):
        self.with_sock(self.fd(s['fd']), lambda x: x.shutdown(SHUT[s['how']]))
        return {'ret': 0}

    def op_getsockopt(self, s):
        v = self.with_sock(self.fd(s['fd']), lambda x: x.getsockopt(socket.SOL_SOCKET, SOCKOPT[s['opt']]))
        return {'ret': 0, 'value': err_name(v) if s['opt'] == 'SO_ERROR' and v else v}

    def op_setsockopt(self, s):
        self.with_sock(self.fd(s['fd']), lambda x: x.setsockopt(socket.SOL_SOCKET, SOCKOPT[s['opt']], s['value']))
        return {'ret': 0}

    # -- multiplexing ------------------------------------------------------------------------

    def op_select(self, s):
        size = s.get('setsize', 1024)
        sets = []
        highest = -1
        for key in ('r', 'w', 'e'):
            names = s.get(key)
            if names is None:
                sets.append(None)
                continue
            arr = (ctypes.c_ulong * (size // 64))()
            for n in names:
                fd = self.fd(n)
                arr[fd // 64] |= 1 << (fd % 64)
                highest = max(highest, fd)
            sets.append(arr)
        nfds = s.get('nfds', highest + 1)
        tv = None
        if s.get('timeout_ms') is not None:
            ms = s['timeout_ms']
            tv = timeval(ms // 1000, (ms % 1000) * 1000)
        args = [ctypes.byref(x) if x is not None else None for x in sets]
        ret = libc.select(nfds, args[0], args[1], args[2], ctypes.byref(tv) if tv else None)
        if ret < 0:
            return fail(ctypes.get_errno())
        res = {}
        for key, arr in zip(('r', 'w', 'e'), sets):
            if arr is None:
                continue
            res[key] = [self.name_of(fd) for fd in range(min(nfds, size)) if arr[fd // 64] >> (fd % 64) & 1]
        return {'ret': ret, 'sets': res}

    def op_poll(self, s):
        entries = s['fds']
        arr = (pollfd * max(1, len(entries)))()
        for i, e in enumerate(entries):
            arr[i].fd = self.fd(e['fd'])
            arr[i].events = bits(e.get('events'), POLL_BITS)
        ret = libc.poll(arr, len(entries), s.get('timeout', 0))
        if ret < 0:
            return fail(ctypes.get_errno())
        return {'ret': ret, 'revents': [arr[i].revents & 0xffff for i in range(len(entries))]}

    def op_epoll_create(self, s):
        fd = libc.epoll_create1(0)
        if fd < 0:
            return fail(ctypes.get_errno())
        self.fds[s['as']] = fd
        return {'ret': 0}

    def op_epoll_ctl(self, s):
        ev = epoll_event()
        ev.events = bits(s.get('events'), EPOLL_BITS)
        target = self.fd(s['fd'])
        ev.data = self.fd(s['data']) if 'data' in s else target
        ret = libc.epoll_ctl(self.fd(s['ep']), CTL.get(s['ctl'], s['ctl'] if isinstance(s['ctl'], int) else 99), target,
                             ctypes.byref(ev))
        return {'ret': 0} if ret == 0 else fail(ctypes.get_errno())

    def op_epoll_wait(self, s):
        maxev = s.get('max', 16)
        arr = (epoll_event * max(1, maxev))()
        ret = libc.epoll_wait(self.fd(s['ep']), arr, maxev, s.get('timeout', 0))
        if ret < 0:
            return fail(ctypes.get_errno())
        return {'ret': ret, 'events': [[self.name_of(arr[i].data), arr[i].events] for i in range(ret)]}


def run_one(index, scenario):
    os.closerange(3, 4096)
    signal.alarm(8)
    result = Scenario().run(scenario['steps'])
    sys.stdout.write('RESULT %d %s\n' % (index, json.dumps(result)))
    sys.stdout.flush()
    os._exit(0)


def main():
    scenarios = json.load(sys.stdin)['scenarios']
    for i, sc in enumerate(scenarios):
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            try:
                run_one(i, sc)
            except BaseException as e:  # report, never hang
                sys.stdout.write('ERROR %d %s\n' % (i, json.dumps(repr(e))))
                sys.stdout.flush()
                os._exit(1)
        _, status = os.waitpid(pid, 0)
        if os.WIFSIGNALED(status):
            sys.stdout.write('TIMEOUT %d\n' % i)
            sys.stdout.flush()


if __name__ == '__main__':
    main()
