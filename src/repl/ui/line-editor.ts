/**
 * The input line as a pure reducer: typing, cursor moves, deleting, and walking the history with
 * up/down (what was being typed is kept and comes back below the newest entry).
 */
export interface EditorState {
  text: string;
  cursor: number;
  /** Index into history while walking it; null when editing a fresh line. */
  historyIndex: number | null;
  draft: string;
}

export type EditorAction =
  | { type: "insert"; text: string }
  | { type: "backspace" }
  | { type: "delete" }
  | { type: "left" }
  | { type: "right" }
  | { type: "home" }
  | { type: "end" }
  | { type: "kill_before" }
  | { type: "kill_word" }
  | { type: "up"; history: readonly string[] }
  | { type: "down"; history: readonly string[] }
  | { type: "set"; text: string }
  | { type: "clear" };

export const emptyEditor: EditorState = { text: "", cursor: 0, historyIndex: null, draft: "" };

export function edit(s: EditorState, a: EditorAction): EditorState {
  switch (a.type) {
    case "insert": {
      const text = a.text.replace(/[\r\n]+/g, " ");
      return { ...s, text: s.text.slice(0, s.cursor) + text + s.text.slice(s.cursor), cursor: s.cursor + text.length };
    }
    case "backspace":
      return s.cursor === 0 ? s : { ...s, text: s.text.slice(0, s.cursor - 1) + s.text.slice(s.cursor), cursor: s.cursor - 1 };
    case "delete":
      return { ...s, text: s.text.slice(0, s.cursor) + s.text.slice(s.cursor + 1) };
    case "left":
      return { ...s, cursor: Math.max(0, s.cursor - 1) };
    case "right":
      return { ...s, cursor: Math.min(s.text.length, s.cursor + 1) };
    case "home":
      return { ...s, cursor: 0 };
    case "end":
      return { ...s, cursor: s.text.length };
    case "kill_before":
      return { ...s, text: s.text.slice(s.cursor), cursor: 0 };
    case "kill_word": {
      const before = s.text.slice(0, s.cursor).replace(/\S+\s*$/, "");
      return { ...s, text: before + s.text.slice(s.cursor), cursor: before.length };
    }
    case "up": {
      if (a.history.length === 0) return s;
      const index = s.historyIndex === null ? a.history.length - 1 : Math.max(0, s.historyIndex - 1);
      const text = a.history[index]!;
      return { text, cursor: text.length, historyIndex: index, draft: s.historyIndex === null ? s.text : s.draft };
    }
    case "down": {
      if (s.historyIndex === null) return s;
      if (s.historyIndex >= a.history.length - 1) return { text: s.draft, cursor: s.draft.length, historyIndex: null, draft: "" };
      const text = a.history[s.historyIndex + 1]!;
      return { ...s, text, cursor: text.length, historyIndex: s.historyIndex + 1 };
    }
    case "set":
      return { text: a.text, cursor: a.text.length, historyIndex: null, draft: "" };
    case "clear":
      return emptyEditor;
  }
}
