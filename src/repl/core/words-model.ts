/**
 * The model plain words go to: a chat completion on any OpenAI-compatible server, configured the
 * same way as the llm synthesis backend (CAPSMITH_LLM_* or OPENAI_*). The SDK loads on first use.
 */
import type { LlmConfig } from "../../agents/synthesizer/index.ts";
import type { WordsModel } from "./types.ts";

export function createWordsModel(config: LlmConfig, currentModel: () => string = () => config.model): WordsModel {
  let client: Promise<{ chat: { completions: { create(body: unknown, options?: unknown): Promise<{ choices: { message: { content: string | null } }[] }> } } }> | undefined;
  return {
    get model() {
      return currentModel();
    },
    async complete(system, user, signal) {
      client ??= import("openai").then(({ default: OpenAI }) => new OpenAI({
        apiKey: config.apiKey ?? "none",
        ...(config.baseURL ? { baseURL: config.baseURL } : {}),
        maxRetries: 1,
      }) as never);
      const answer = await (await client).chat.completions.create(
        { model: currentModel(), messages: [{ role: "system", content: system }, { role: "user", content: user }], temperature: 0 },
        signal ? { signal } : undefined,
      );
      return answer.choices[0]?.message.content ?? "";
    },
  };
}
