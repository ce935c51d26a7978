/**
 * The REPL screen: the finished transcript (Ink's Static: each item is written once, so a long
 * history costs nothing per keystroke), the live lines of agents at work, the question being asked,
 * and the input line. Keys go to the session; the screen only renders what the session emits.
 */
import React, { useEffect, useRef, useState } from "react";
import { Box, Static, Text, useApp, useInput } from "ink";
import type { Session } from "../core/session.ts";
import { safeText } from "../../terminal/index.ts";
import { ActivityLine } from "./ActivityLine.ts";
import { InputLine } from "./InputLine.ts";
import { ItemView } from "./ItemView.ts";
import { splitChunk } from "./keys.ts";
import { edit, emptyEditor } from "./line-editor.ts";
import type { EditorAction, EditorState } from "./line-editor.ts";
import { Spinner } from "./Spinner.ts";
import { useSession } from "./use-session.ts";
import type { Item } from "./view-state.ts";

const h = React.createElement;

export function App({ session }: { session: Session }): React.ReactElement {
  const view = useSession(session);
  // The editor lives in a ref as well, so several keys in one chunk see each other's edits.
  const editorRef = useRef<EditorState>(emptyEditor);
  const [editor, setEditor] = useState<EditorState>(emptyEditor);
  const dispatch = (action: EditorAction): void => {
    editorRef.current = edit(editorRef.current, action);
    setEditor(editorRef.current);
  };
  const [candidates, setCandidates] = useState<string[]>([]);
  const { exit } = useApp();

  useEffect(() => {
    if (view.suggestion) dispatch({ type: "set", text: view.suggestion.text });
  }, [view.suggestion]);
  useEffect(() => {
    if (view.exited) exit();
  }, [view.exited, exit]);

  useInput((input, key) => {
    if (key.ctrl && input === "c") return session.interrupt();
    if (key.ctrl && input === "d") {
      if (editorRef.current.text === "") void session.close("end_of_input");
      return;
    }
    setCandidates([]);
    const enter = (): void => {
      const text = editorRef.current.text;
      dispatch({ type: "clear" });
      session.submit(text);
    };
    const tab = (): void => {
      const completion = session.complete(editorRef.current.text);
      dispatch({ type: "set", text: completion.line });
      if (completion.candidates.length > 1) setCandidates(completion.candidates);
    };
    if (key.return) return enter();
    if (key.tab) return tab();
    if (key.upArrow) return view.question ? undefined : dispatch({ type: "up", history: session.history() });
    if (key.downArrow) return view.question ? undefined : dispatch({ type: "down", history: session.history() });
    if (key.leftArrow) return dispatch({ type: "left" });
    if (key.rightArrow) return dispatch({ type: "right" });
    if (key.home || (key.ctrl && input === "a")) return dispatch({ type: "home" });
    if (key.end || (key.ctrl && input === "e")) return dispatch({ type: "end" });
    if (key.ctrl && input === "u") return dispatch({ type: "kill_before" });
    if (key.ctrl && input === "w") return dispatch({ type: "kill_word" });
    if (key.backspace || key.delete) return dispatch({ type: "backspace" });
    if (key.ctrl || key.meta || key.escape) return;
    for (const k of splitChunk(input)) {
      if (k.type === "enter") enter();
      else if (k.type === "tab") tab();
      else dispatch({ type: "insert", text: k.text });
    }
  });

  const question = view.question;
  return h(
    Box,
    { flexDirection: "column" },
    h(Static<Item>, { items: view.done, children: (item: Item) => h(ItemView, { key: item.id, item }) }),
    view.exited
      ? null
      : h(
          Box,
          { flexDirection: "column" },
          ...view.live.map((a) => h(ActivityLine, { key: a.key, activity: a })),
          view.busy && !question ? h(Text, { dimColor: true }, h(Spinner), safeText(` ${view.busy.length > 60 ? `${view.busy.slice(0, 59)}…` : view.busy}  (Ctrl-C cancels)`, { oneLine: true })) : null,
          question ? h(Text, { color: "yellow", bold: true }, safeText(`? ${question.text}${question.choices ? ` [${question.choices.join("/")}]` : ""}`)) : null,
          view.hint ? h(Text, { color: "yellow" }, safeText(view.hint)) : null,
          candidates.length ? h(Text, { dimColor: true }, safeText(candidates.join("  "), { oneLine: true })) : null,
          h(InputLine, { editor, prompt: question ? "  ? " : "› ", ...(question?.placeholder ? { placeholder: question.placeholder } : {}), active: true }),
        ),
  );
}
