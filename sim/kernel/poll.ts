// Poll event bits (include/uapi/asm-generic/poll.h; epoll uses the same values,
// include/uapi/linux/eventpoll.h).
export const POLLIN = 0x001;
export const POLLPRI = 0x002;
export const POLLOUT = 0x004;
export const POLLERR = 0x008;
export const POLLHUP = 0x010;
export const POLLNVAL = 0x020;
export const POLLRDNORM = 0x040;
export const POLLRDBAND = 0x080;
export const POLLWRNORM = 0x100;
export const POLLWRBAND = 0x200;
export const POLLRDHUP = 0x2000;

const names: [number, string][] = [
  [POLLIN, 'POLLIN'], [POLLPRI, 'POLLPRI'], [POLLOUT, 'POLLOUT'], [POLLERR, 'POLLERR'], [POLLHUP, 'POLLHUP'],
  [POLLNVAL, 'POLLNVAL'], [POLLRDNORM, 'POLLRDNORM'], [POLLRDBAND, 'POLLRDBAND'], [POLLWRNORM, 'POLLWRNORM'],
  [POLLWRBAND, 'POLLWRBAND'], [POLLRDHUP, 'POLLRDHUP'],
];

/** "POLLIN|POLLRDNORM"; `prefix` "EPOLL" names the same bits the epoll way. */
export function pollMaskName(mask: number, prefix = 'POLL'): string {
  if (mask === 0) return '0';
  const parts: string[] = [];
  let rest = mask;
  for (const [bit, name] of names) {
    if (mask & bit) {
      parts.push(prefix === 'POLL' ? name : prefix + name.slice(4));
      rest &= ~bit;
    }
  }
  if (rest) parts.push('0x' + rest.toString(16));
  return parts.join('|');
}
