// Runtime configuration from the environment; every variable is listed in README.md.
export type ModelConfig =
  | { kind: 'local' }
  | { kind: 'openai'; apiKey: string; baseURL?: string; model: string }
  | { kind: 'ollama'; baseUrl: string; model: string };

export function modelConfig(env: NodeJS.ProcessEnv = process.env): ModelConfig {
  const forced = env.MODEL_PROVIDER?.trim().toLowerCase();
  if (forced && !['local', 'openai', 'ollama'].includes(forced)) throw new Error(`MODEL_PROVIDER must be local, openai or ollama (got "${forced}")`);
  if (forced === 'local') return { kind: 'local' };
  if (env.OPENAI_API_KEY && forced !== 'ollama') {
    return { kind: 'openai', apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL || undefined, model: env.OPENAI_MODEL || 'gpt-4o-mini' };
  }
  if (env.OLLAMA_HOST && forced !== 'openai') {
    const host = env.OLLAMA_HOST.startsWith('http') ? env.OLLAMA_HOST : `http://${env.OLLAMA_HOST}`;
    return { kind: 'ollama', baseUrl: host, model: env.OLLAMA_MODEL || 'qwen2.5:7b' };
  }
  if (forced) throw new Error(`MODEL_PROVIDER=${forced} needs ${forced === 'openai' ? 'OPENAI_API_KEY' : 'OLLAMA_HOST'}`);
  return { kind: 'local' };
}

export function describeModel(c: ModelConfig): string {
  if (c.kind === 'local') return 'embedded local planner (no key, no network)';
  if (c.kind === 'openai') return `OpenAI-compatible ${c.model}${c.baseURL ? ` at ${c.baseURL}` : ''}`;
  return `Ollama ${c.model} at ${c.baseUrl}`;
}

/** One time limit for a whole turn (every model call and tool in it): TURN_TIMEOUT_S, default 20 s. */
export function turnTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.TURN_TIMEOUT_S ?? 20);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 20_000;
}
