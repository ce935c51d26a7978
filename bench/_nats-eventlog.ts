/** JetStream rows of the eventlog bench (a nats-server of its own, unless NATS_URL is set). */
export { natsFigures } from "./_nats-append.ts";
