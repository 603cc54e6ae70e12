/*
 * select, poll and epoll_wait on this machine's kernel: N monitored descriptors, one
 * of them ready on every call. N-1 are duplicates of the read end of a pipe nobody
 * writes to; the last (highest) descriptor is the read end of a pipe holding one
 * byte that is never read. Each call therefore finds exactly one ready descriptor.
 * select and poll scan (and register on) every descriptor on each call; epoll_wait
 * finds the one item on its ready list.
 *
 * Usage: multiplex MECH N MIN_MS [nowait]   (MECH: select | poll | epoll; nowait: timeout 0)
 * Prints: MECH N ns_per_call calls   (CPU time per call)
 * Build: gcc -O2 -o multiplex multiplex.c
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/select.h>

/* CPU time of this process, not wall time: on a shared machine the wall clock also counts
 * the time we wait for a CPU, which would inflate long calls (select, poll) far more
 * than short ones (epoll_wait). */
static double now_ns(void) {
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int main(int argc, char **argv) {
	if (argc < 4) { fprintf(stderr, "usage: %s select|poll|epoll N MIN_MS\n", argv[0]); return 2; }
	const char *mech = argv[1];
	int nowait = argc > 4 && !strcmp(argv[4], "nowait"); /* timeout 0: no wait-queue registration */
	struct timeval tv0 = { 0, 0 };
	int n = atoi(argv[2]);
	double min_ns = atof(argv[3]) * 1e6;
	struct rlimit rl;
	getrlimit(RLIMIT_NOFILE, &rl);
	rl.rlim_cur = rl.rlim_max;
	setrlimit(RLIMIT_NOFILE, &rl);

	int idle[2], active[2];
	if (pipe(idle) || pipe(active)) { perror("pipe"); return 1; }
	int *fds = malloc(sizeof(int) * n);
	for (int i = 0; i < n - 1; i++) {
		fds[i] = dup(idle[0]);
		if (fds[i] < 0) { perror("dup"); return 1; }
	}
	fds[n - 1] = dup(active[0]);
	if (fds[n - 1] < 0) { perror("dup"); return 1; }
	if (write(active[1], "x", 1) != 1) return 1;
	int maxfd = fds[n - 1];
	if (!strcmp(mech, "select") && maxfd >= FD_SETSIZE) { fprintf(stderr, "select: descriptor %d >= FD_SETSIZE\n", maxfd); return 1; }

	struct pollfd *pfds = calloc(n, sizeof(struct pollfd));
	for (int i = 0; i < n; i++) { pfds[i].fd = fds[i]; pfds[i].events = POLLIN; }
	int ep = epoll_create1(0);
	if (!strcmp(mech, "epoll")) {
		for (int i = 0; i < n; i++) {
			struct epoll_event ev = { .events = EPOLLIN, .data.fd = fds[i] };
			if (epoll_ctl(ep, EPOLL_CTL_ADD, fds[i], &ev)) { perror("epoll_ctl"); return 1; }
		}
	}
	struct epoll_event out[64];
	fd_set rd;

	long calls = 0;
	double t0 = 0;
	for (int round = 0; round < 2; round++) { /* round 0 warms up */
		long batch = 16;
		calls = 0;
		t0 = now_ns();
		for (;;) {
			for (long k = 0; k < batch; k++) {
				int r;
				if (!strcmp(mech, "select")) {
					FD_ZERO(&rd);
					for (int i = 0; i < n; i++) FD_SET(fds[i], &rd);
					r = select(maxfd + 1, &rd, NULL, NULL, nowait ? &tv0 : NULL);
				} else if (!strcmp(mech, "poll")) {
					r = poll(pfds, n, nowait ? 0 : -1);
				} else {
					r = epoll_wait(ep, out, 64, nowait ? 0 : -1);
				}
				if (r != 1) { fprintf(stderr, "%s returned %d\n", mech, r); return 1; }
			}
			calls += batch;
			if (now_ns() - t0 >= (round ? min_ns : min_ns / 4)) break;
		}
	}
	double per = (now_ns() - t0) / calls;
	printf("%s %d %.1f %ld\n", mech, n, per, calls);
	return 0;
}
