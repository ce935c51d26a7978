/**
 * The completion backend of the agent profile's `host.llm.complete`: a chat completion on the LLM
 * capsmith is configured with (CAPSMITH_LLM_* or OPENAI_*, as for the llm synthesizer), through the
 * `openai` client. The sandbox decides how many tokens a completion may use (its budgets) and
 * passes that as `maxTokens`; the model is always the configured one, whatever the plugin asks.
 * The SDK loads on first use.
 */
import type { CompletionFn } from "../sandbox/index.ts";
import type { LlmConfig } from "./synthesizer/index.ts";

interface ChatClient {
  chat: {
    completions: {
      create(body: unknown, options?: unknown): Promise<{ choices: { message: { content: string | null } }[]; usage?: { prompt_tokens?: number; completion_tokens?: number } }>;
    };
  };
}

export function createCompletion(config: LlmConfig, currentModel: () => string = () => config.model): CompletionFn {
  let client: Promise<ChatClient> | undefined;
  return async (request, signal) => {
    client ??= import("openai").then(({ default: OpenAI }) => new OpenAI({ apiKey: config.apiKey ?? "none", ...(config.baseURL ? { baseURL: config.baseURL } : {}), maxRetries: 1 }) as unknown as ChatClient);
    const messages = [...(request.messages ?? []), ...(request.prompt !== undefined ? [{ role: "user", content: request.prompt }] : [])];
    const answer = await (await client).chat.completions.create(
      { model: currentModel(), messages, ...(request.maxTokens !== undefined ? { max_tokens: request.maxTokens } : {}) },
      { signal },
    );
    const text = answer.choices[0]?.message.content ?? "";
    // A server that reports no usage is charged what the prompt was estimated at and all the output
    // it was allowed: the budget never undercounts.
    const promptChars = messages.reduce((n, m) => n + m.content.length, 0);
    return {
      text,
      usage: {
        inputTokens: answer.usage?.prompt_tokens ?? Math.ceil(promptChars / 3),
        outputTokens: answer.usage?.completion_tokens ?? request.maxTokens ?? Math.ceil(text.length / 3),
      },
    };
  };
}
