// The cost model: every time the simulated kernel charges, in one table, each with
// where the number comes from. A world may override any entry
// (`world.costs = { contextSwitch: 0 }`) to ask "what if this were free?".
//
// "Measured here" means measured by bench/real/ on the reference machine
// (2-core x86-64 VM, Linux 6.x); the bench prints the current values.

export interface Costs {
  /** Trap into the kernel: the `syscall` instruction, entry_SYSCALL_64, dispatch. */
  syscallEntry: number;
  /** Return to user mode: sysret and the exit work. */
  syscallExit: number;
  /** Switching a CPU from one thread to another (__schedule, switch_to), direct cost. */
  contextSwitch: number;
  /** Making a sleeping thread runnable (try_to_wake_up). */
  wakeup: number;
  /** Fixed cost of one copy_to_user / copy_from_user call. */
  copyBase: number;
  /** Per byte copied between user and kernel memory. */
  copyPerByte: number;
  /** Bookkeeping of one file operation once the kernel is in (fd lookup, locks). */
  fileOp: number;
  /** Creating a thread (clone with CLONE_VM|CLONE_FILES...). */
  threadCreate: number;
  /** Creating a process (fork: copying the fd table and page tables). */
  processCreate: number;
  /** Ending a thread or process (do_exit). */
  exit: number;
  /** The longest a thread runs before the scheduler hands the CPU to a waiting one. */
  timeslice: number;
  /** A hardware interrupt's fixed cost: entry, saving registers, irq_enter/irq_exit, EOI, return. */
  irqEntry: number;
  /** The local timer interrupt's handler: hrtimer_interrupt, the tick's accounting and scheduler_tick. */
  timerInterrupt: number;
  /** Starting one softirq handler in a softirq run (handle_softirqs bookkeeping). */
  softirqEntry: number;
  /** A disk's time to find the data of one request (SSD: flash access and controller). */
  diskLatency: number;
  /** A disk's transfer time per byte, DMA included (1e9 / bandwidth in bytes per second). */
  diskNsPerByte: number;
  /** CPU time to build and send one block request: bio, plug, I/O scheduler, driver command, doorbell. */
  blockSubmit: number;
  /** CPU time to end one block request in the BLOCK softirq: blk_mq_end_request, bio_endio. */
  blockComplete: number;
  /** Looking one page up in (or adding it to) the page cache: the xarray walk and folio reference. */
  pageCacheLookup: number;
  /** Handling one iocb in io_submit (copy it in, allocate the aio_kiocb, look up the file). */
  aioSubmit: number;
  /** io_uring: consuming and preparing one SQE (io_submit_sqe: read it, allocate the request, look up the file). */
  uringSqe: number;
  /** io_uring: posting one CQE (io_fill_cqe_req) and freeing the request. */
  uringCqe: number;
  /** A network card's DMA over PCIe, per byte. */
  nicDmaNsPerByte: number;
  /** The driver's and IP layer's share of receiving one frame in NAPI (descriptor, skb, GRO, ip_rcv); TCP is tcpRcv. */
  nicRxPacket: number;
  /** Freeing one sent frame's buffer in NAPI (TX completion). */
  nicTxClean: number;
  /** Delivering a signal to a handler: building the signal frame, and rt_sigreturn's restore. */
  signalDelivery: number;

  // Sockets and TCP (sim/fs/tcp*.ts).
  /** socket(): allocating a socket, its struct sock and its file. */
  socketCreate: number;
  /** connect()'s own work beyond its segments: route lookup, port choice, socket hashing. */
  tcpConnect: number;
  /** accept()'s own work: taking a connection off the queue and giving it a file. */
  tcpAccept: number;
  /** Sending one TCP segment: tcp_transmit_skb → ip_queue_xmit → dev_queue_xmit. */
  tcpXmit: number;
  /** Receiving one TCP segment: tcp_v4_rcv → tcp_rcv_established → tcp_data_queue / tcp_ack. */
  tcpRcv: number;

  // Multiplexing (sim/io/).
  /** select(), per descriptor below nfds: testing its bits, fdget, the file's ->poll. */
  selectPerFd: number;
  /** poll(), per pollfd: fdget and the file's ->poll. */
  pollPerFd: number;
  /** select/poll: putting the caller on one file's wait queue (__pollwait) and taking it off again (poll_freewait). */
  pollWaitEntry: number;
  /** epoll_ctl(): one interest-tree operation (rb-tree insert/erase, epitem allocation, the first ->poll). */
  epollCtl: number;
  /** ep_poll_callback(): putting an item on the ready list from a wait-queue wakeup. */
  epollCallback: number;
  /** epoll_wait(): per event delivered (re-poll of the file, LT re-queue); the 12-byte copy of the event is charged as a copy. */
  epollPerEvent: number;
}

export const defaultCosts: Readonly<Costs> = Object.freeze({
  syscallEntry: 60,
  syscallExit: 40,
  contextSwitch: 1_500,
  wakeup: 250,
  copyBase: 25,
  copyPerByte: 0.1,
  fileOp: 40,
  threadCreate: 12_000,
  processCreate: 60_000,
  exit: 5_000,
  timeslice: 1_500_000,
  irqEntry: 500,
  timerInterrupt: 1_000,
  softirqEntry: 100,
  diskLatency: 100_000,
  diskNsPerByte: 1.8,
  blockSubmit: 2_000,
  blockComplete: 1_000,
  pageCacheLookup: 60,
  aioSubmit: 300,
  uringSqe: 150,
  uringCqe: 50,
  nicDmaNsPerByte: 0.125,
  nicRxPacket: 400,
  nicTxClean: 100,
  signalDelivery: 1_000,
  socketCreate: 1_500,
  tcpConnect: 2_000,
  tcpAccept: 800,
  tcpXmit: 1_000,
  tcpRcv: 800,
  selectPerFd: 22,
  pollPerFd: 21,
  pollWaitEntry: 56,
  epollCtl: 400,
  epollCallback: 60,
  epollPerEvent: 20,
});

export const costSources: Readonly<Record<keyof Costs, string>> = Object.freeze({
  syscallEntry:
    'A null system call (getppid) costs ~100 ns entry plus exit on current x86-64 with default mitigations: measured here by bench/real/syscall.c; entry is the larger part (entry_SYSCALL_64, arch/x86/entry/entry_64.S).',
  syscallExit: 'See syscallEntry: the remainder of the measured round trip (syscall_exit_to_user_mode, kernel/entry/common.c).',
  contextSwitch:
    'Two threads passing a token through a pipe on one CPU take ~3 µs per round trip, i.e. two switches plus two wakeups and four syscalls: measured here by bench/real/ctxswitch.c; lmbench lat_ctx reports the same order (McVoy & Staelin, "lmbench", USENIX 1996).',
  wakeup: 'try_to_wake_up() in kernel/sched/core.c: enqueue and a possible IPI; part of the measured pipe round trip (bench/real/ctxswitch.c).',
  copyBase: 'copy_to_user / copy_from_user set-up (access_ok, STAC/CLAC around the copy on x86 with SMAP): a few tens of ns.',
  copyPerByte: '~10 GB/s for cached copies (rep movsb, arch/x86/lib/copy_user_64.S): 0.1 ns per byte; measured here by bench/real/memcpy.c.',
  fileOp: 'fdget() and the file operation\'s own bookkeeping (fs/read_write.c ksys_read, vfs_read): a few tens of ns.',
  threadCreate: 'pthread_create + clone() is ~10–20 µs including the stack mmap: measured here by bench/real/spawn.c.',
  processCreate: 'fork() of a small process is ~50–100 µs (copying page tables and the fd table): measured here by bench/real/spawn.c.',
  exit: 'do_exit() and the parent\'s reaping, a few µs.',
  timeslice:
    'EEVDF base slice: sysctl_sched_base_slice = 0.75 ms scaled by 1 + ilog2(nr_cpus) (kernel/sched/fair.c, Linux 6.6+): 1.5 ms on 2 CPUs.',
  irqEntry:
    'Estimate, not yet measured here: interrupt entry and exit through the IDT (or FRED), irq_enter/irq_exit and the APIC EOI cost a few hundred ns on current x86; Intel\'s "Reducing Interrupt Latency Through the Use of Message Signaled Interrupts" (J. Coleman, 2009) measures the delivery path, and Documentation/networking/napi.rst gives why it matters (NAPI exists to amortise it). Measure with perf stat -e irq:irq_handler_entry and ftrace function_graph.',
  timerInterrupt:
    'Estimate, not yet measured here: hrtimer_interrupt + tick_sched_timer + scheduler_tick (update_curr, RCU, timer wheel) is on the order of 1 µs per tick; HZ × this is the tick\'s CPU overhead (about 0.1 % at HZ=1000). Discussed in the Ubuntu HZ=250 vs 1000 tests (discourse.ubuntu.com/t/42255).',
  softirqEntry:
    'Estimate: the per-softirq bookkeeping in handle_softirqs() (kernel/softirq.c: kstat, tracepoints, the preempt_count check) is tens to a hundred ns; the handler\'s own work is charged separately.',
  diskLatency:
    'A 4 KiB random read from flash takes 50–150 µs (B. Gregg, Systems Performance, 2nd ed., latency table: "Solid-state disk I/O 50–150 µs"); 100 µs for a SATA SSD. A hard disk is modelled separately (world.disk.kind = "hdd": seek plus half a turn at 7200 rpm, 4.17 ms).',
  diskNsPerByte:
    'SATA III carries 6 Gbit/s with 8b/10b coding, 600 MB/s; SATA SSDs read sequentially at ~550 MB/s (manufacturers\' sheets): 1.8 ns per byte. NVMe drives reach 3–7 GB/s (0.15–0.3 ns/B; fact sheet ch5-7, cost table).',
  blockSubmit:
    'Estimate: submit_bio → blk_mq_submit_bio → request allocation, plug, scheduler insert, ->queue_rq and the doorbell MMIO write cost a few µs of CPU per I/O; io_uring\'s per-I/O kernel cost of a few µs at ~1M IOPS per core (Axboe, "Efficient IO with io_uring", 2019) bounds it.',
  blockComplete:
    'Estimate: blk_mq_end_request + bio_endio + unlocking and waking the page waiters, about 1 µs per request.',
  pageCacheLookup:
    'Estimate: filemap_get_read_batch() walks the xarray and takes a folio reference, tens of ns per page (mm/filemap.c); measure with perf on a hot-cache read loop.',
  aioSubmit:
    'Estimate: io_submit_one() copies the 64-byte iocb from user memory, allocates an aio_kiocb and takes the file reference: a few hundred ns (fs/aio.c).',
  uringSqe:
    'Estimate: io_uring peaks above 1.7 M requests/s per core for polled 4 KiB reads (J. Axboe, "Efficient IO with io_uring", 2019; kernel.dk/io_uring.pdf), so the whole per-request path is well under 1 µs; consuming an SQE is a fraction of it.',
  uringCqe:
    'Estimate: filling a CQE is a few stores into the shared ring plus freeing the request, tens of ns (io_uring/io_uring.c io_fill_cqe_req).',
  nicDmaNsPerByte:
    'PCIe 3.0 carries ~985 MB/s per lane: a ×8 NIC slot moves ~7.9 GB/s, 0.125 ns per byte (PCI-SIG PCIe 3.0 specification, 8 GT/s with 128b/130b coding).',
  nicRxPacket:
    'Estimate: a core handles on the order of 1–3 million small packets per second through the driver and IP layer before TCP (Cai et al., "Understanding Host Network Stack Overheads", SIGCOMM 2021, fig. 3; fact sheet ch1-4 §E): a few hundred ns per frame.',
  nicTxClean:
    'Estimate: unmapping and freeing one sent skb in the driver\'s NAPI poll, about 100 ns.',
  signalDelivery:
    'lmbench lat_sig ("catch") measures a signal sent, caught by a handler and returned from at about 1 µs on current x86 (McVoy & Staelin, lmbench; fact sheet ch1-4 cost section for the syscall part).',
  socketCreate: '__sys_socket → sock_alloc, sk_alloc, sock_alloc_file: on the order of a microsecond.',
  tcpConnect: 'tcp_v4_connect (ip_route_connect, inet_hash_connect) beyond the segments themselves: a few µs per loopback connect in total.',
  tcpAccept: 'inet_csk_accept + sock_alloc_file: under a microsecond beyond the syscall itself.',
  tcpXmit:
    'Per-segment transmit cost of the Linux stack, ~1 µs on loopback (tcp_transmit_skb → dev_queue_xmit); Cai et al., "Understanding Host Network Stack Overheads", SIGCOMM 2021, split per-packet and per-byte costs this way.',
  tcpRcv: 'Per-segment receive cost (tcp_v4_rcv → tcp_rcv_established), slightly below the transmit side; same sources as tcpXmit.',
  selectPerFd:
    'Measured here by bench/real/multiplex.c (Linux 6.x, 2-core VM): with a zero timeout select() costs ~22 ns more per descriptor (do_select: bit test, fdget, vfs_poll); bench/multiplexing.ts compares the sim. TLPI Table 63-9 found ~0.35 µs per fd per call on 2008 hardware.',
  pollPerFd:
    'Measured here by bench/real/multiplex.c: with a zero timeout poll() costs ~21 ns more per pollfd (do_pollfd: fdget, vfs_poll); the 8-byte copy in and 2-byte copy out per entry are charged as copies.',
  pollWaitEntry:
    'Measured here by bench/real/multiplex.c: a blocking select()/poll() whose only ready descriptor is the last costs ~56 ns more per descriptor than a zero-timeout one: __pollwait (poll_table_entry, add_wait_queue) plus the remove_wait_queue in poll_freewait.',
  epollCtl: 'ep_insert(): kmem_cache_alloc of an epitem, rb-tree insert, the first ->poll with ep_ptable_queue_proc: a few hundred ns.',
  epollCallback: 'ep_poll_callback(): a spinlock, list_add_tail to rdllist, a wake_up of ep->wq: tens of ns (fs/eventpoll.c).',
  epollPerEvent:
    'Measured here by bench/real/multiplex.c: epoll_wait() with one ready item costs ~180 ns whatever the number watched (10 to 10,000); beyond syscall entry/exit, ~20 ns for ep_item_poll per event; the 12-byte epoll_put_uevent of each event is charged as a copy to user (copyBase, copyPerByte). TLPI Table 63-9 shows the same flatness.',
});

export function resolveCosts(overrides: Partial<Costs> | undefined): Costs {
  const costs: Costs = { ...defaultCosts };
  if (!overrides) return costs;
  for (const [k, v] of Object.entries(overrides)) {
    if (!(k in defaultCosts)) throw new Error(`world.costs: unknown cost "${k}". Known costs: ${Object.keys(defaultCosts).join(', ')}.`);
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new Error(`world.costs.${k} must be a finite number ≥ 0 (nanoseconds), not ${String(v)}.`);
    (costs as unknown as Record<string, number>)[k] = v;
  }
  return costs;
}
