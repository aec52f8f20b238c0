// Our ToolSpecs as LangChain tools. The caller comes from the run's context (set by the adapter),
// never from the model's arguments; role checks and output validation happen here for every tool.
// A write the model asks for is only proposed here: it runs when the user says yes to the proposal
// the system showed (agents/assistant.ts), through runApproved.
import { tool } from '@langchain/core/tools';
import type { z } from 'zod';
import { t, ToolError, type CallerContext, type ToolDeps, type ToolSpec } from '../tools/context.ts';

export type ToolFailure = { error: { code: string; message: string } };

type Log = (line: string) => void;

export function toLangChainTool(spec: ToolSpec, deps: ToolDeps, log: Log = console.error) {
  return tool(
    async (args: unknown, runtime: { context?: CallerContext }) => {
      const ctx = runtime.context;
      if (!ctx) throw new Error(`tool ${spec.name} called without a caller context`);
      return guarded(spec, ctx, log, async () => {
        if (spec.access === 'write' && spec.needsConfirmation !== false) {
          // τ²-bench style: the model only proposes; the user's own yes to what the system shows runs it.
          const preview = spec.preview ? await spec.preview(deps, ctx, args as never) : { text: spec.name };
          if ('problem' in preview) return spec.output.parse(preview.problem);
          if (!ctx.consent) throw new ToolError('forbidden', t(ctx.locale, '这里不能确认修改。', 'Changes cannot be confirmed here.'));
          const proposalId = await ctx.consent.propose(spec.name, args, preview.text);
          return { status: 'needs_confirmation', preview: preview.text, proposalId };
        }
        return spec.output.parse(await spec.run(deps, ctx, args as z.output<typeof spec.input>));
      });
    },
    { name: spec.name, description: describeForModel(spec), schema: spec.input as z.ZodObject },
  );
}

/** What a model reads about a tool: the description, the units and formats every tool shares, and one example call. */
export function describeForModel(spec: ToolSpec): string {
  return `${spec.description} Money is in yuan (CNY, e.g. 15 or 6.5); dates are YYYY-MM-DD in China time. Example arguments: ${JSON.stringify(spec.example)}`;
}

/** Runs a write the user approved (arguments as stored with the proposal, checked again). */
export function runApproved(spec: ToolSpec, deps: ToolDeps, ctx: CallerContext, args: unknown, log: Log = console.error): Promise<string> {
  return guarded(spec, ctx, log, async () => spec.output.parse(await spec.run(deps, ctx, spec.input.parse(args))));
}

async function guarded(spec: ToolSpec, ctx: CallerContext, log: Log, work: () => Promise<unknown>): Promise<string> {
  try {
    if (!spec.roles.includes(ctx.caller.role)) {
      throw new ToolError('forbidden', t(ctx.locale, '你的身份不能使用这个功能。', 'This is not available to your account.'));
    }
    return JSON.stringify(await work());
  } catch (error) {
    if (error instanceof ToolError) return JSON.stringify({ error: { code: error.code, message: error.message } } satisfies ToolFailure);
    log(`[tool ${spec.name}] ${(error as Error).stack ?? error}`);
    // The model (and the user) read a short message; the stack trace stays in the log.
    return JSON.stringify({ error: { code: 'internal', message: t(ctx.locale, '查询时出错了，请稍后再试。', 'Something went wrong while looking that up. Please try again.') } } satisfies ToolFailure);
  }
}
