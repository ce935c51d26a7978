import type { Projection } from "./projection.ts";

export interface LogStats {
  events: number;
  records: number;
  lastSeq: number;
  byType: Record<string, number>;
  bySubject: Record<string, number>;
}

/** Events per type and per subject: what is in the log, at a glance. */
export const logStats: Projection<LogStats> = {
  name: "log-stats",
  version: 1,
  initial: () => ({ events: 0, records: 0, lastSeq: 0, byType: {}, bySubject: {} }),
  apply(state, event) {
    state.events++;
    if (event.seq !== state.lastSeq) state.records++;
    state.lastSeq = event.seq;
    state.byType[event.type] = (state.byType[event.type] ?? 0) + 1;
    state.bySubject[event.subject] = (state.bySubject[event.subject] ?? 0) + 1;
    return state;
  },
};
