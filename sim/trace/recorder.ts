// Records trace events in completion order, up to the run's cap. Past the cap,
// events are dropped and `full` is set; the kernel then stops the run with a message.

import type { TraceEvent } from './event.js';

export class Recorder {
  readonly events: TraceEvent[] = [];
  full = false;
  constructor(readonly maxEvents: number) {}

  emit(e: Omit<TraceEvent, 'seq'> & { seq?: number }): TraceEvent {
    const ev = e as TraceEvent;
    if (this.events.length >= this.maxEvents) {
      this.full = true;
      return ev;
    }
    ev.seq = this.events.length;
    this.events.push(ev);
    return ev;
  }

  get capMessage(): string {
    return `The run stopped after ${this.maxEvents.toLocaleString('en-US')} trace events (the cap); the trace so far is shown.`;
  }
}
