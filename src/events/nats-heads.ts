/**
 * A subject's head: the seq and hash of its last readable record (what appends chain to and what
 * `expectedSubjectSeq` is compared with), and `raw`, the seq of its last message of any kind (what
 * JetStream's expected-last-subject-sequence is compared with; past a stray message the two differ).
 */
export interface Head {
  seq: number;
  hash: string | null;
  raw: number;
}
