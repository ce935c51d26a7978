import type { BackendChoice, SlashCommand } from "../core/types.ts";

const CHOICES: BackendChoice[] = ["auto", "example", "llm"];

export const model: SlashCommand = {
  name: "model",
  usage: "/model [auto|example|llm [MODEL]]",
  summary: "show or switch the synthesis backend (and the LLM model)",
  async run(ctx, args) {
    const [choice, name] = args.trim().split(/\s+/).filter(Boolean);
    const { session, services } = ctx;
    const describe = (): string => {
      const effective = session.backend === "auto" ? (services.llmConfigured ? "llm" : "example") : session.backend;
      return `backend ${session.backend} (gaps use ${effective}); llm ${services.llmConfigured ? `configured, model ${session.model}` : "not configured (set OPENAI_API_KEY or OPENAI_BASE_URL)"}`;
    };
    if (!choice) return { type: "message", text: describe() };
    if (!CHOICES.includes(choice as BackendChoice)) return { type: "error", code: "usage", message: `"${choice}" is not a backend`, nextStep: "Use /model auto, /model example or /model llm [MODEL]." };
    if (choice === "llm" && !services.llmConfigured) {
      return { type: "error", code: "backend_unavailable", message: "no LLM is configured", nextStep: "Set OPENAI_API_KEY (or OPENAI_BASE_URL for a local server) and restart, or use /model example." };
    }
    session.backend = choice as BackendChoice;
    if (name) session.model = name;
    return { type: "message", tone: "success", text: describe() };
  },
};
