import { useEffect, useReducer } from "react";
import type { Session } from "../core/session.ts";
import { initialView, reduce } from "./view-state.ts";
import type { ViewState } from "./view-state.ts";

/** The view state folded from a session's events. */
export function useSession(session: Session, seed: ViewState = initialView): ViewState {
  const [state, dispatch] = useReducer(reduce, seed);
  useEffect(() => session.subscribe(dispatch), [session]);
  return state;
}
