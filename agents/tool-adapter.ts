// Our ToolSpecs as LangChain tools. The caller comes from the run's context (set by the adapter),
// never from the model's arguments; role checks and output validation happen here for every tool.
import { tool } from '@langchain/core/tools';
import type { z } from 'zod';
import { t, ToolError, type CallerContext, type ToolDeps, type ToolSpec } from '../tools/context.ts';

export type ToolFailure = { error: { code: string; message: string } };

export function toLangChainTool(spec: ToolSpec, deps: ToolDeps, log: (line: string) => void = console.error) {
  return tool(
    async (args: unknown, runtime: { context?: CallerContext }) => {
      const ctx = runtime.context;
      if (!ctx) throw new Error(`tool ${spec.name} called without a caller context`);
      try {
        if (!spec.roles.includes(ctx.caller.role)) {
          throw new ToolError('forbidden', t(ctx.locale, '你的身份不能使用这个功能。', 'This is not available to your account.'));
        }
        if (spec.access === 'write' && spec.needsConfirmation !== false) {
          // τ²-bench style: a write runs only when the user said yes to exactly this proposal.
          const consent = ctx.consent;
          const proposal = `${spec.name}:${JSON.stringify(args)}`;
          if (!consent || !(consent.userSaidYes && consent.pending.get(consent.chatKey) === proposal)) {
            const preview = spec.preview ? await spec.preview(deps, ctx, args as never) : { text: spec.name };
            if ('problem' in preview) return JSON.stringify(spec.output.parse(preview.problem));
            consent?.pending.set(consent.chatKey, proposal);
            return JSON.stringify({ status: 'needs_confirmation', preview: preview.text });
          }
          consent.pending.delete(consent.chatKey);
        }
        const result = await spec.run(deps, ctx, args as z.output<typeof spec.input>);
        return JSON.stringify(spec.output.parse(result));
      } catch (error) {
        if (error instanceof ToolError) return JSON.stringify({ error: { code: error.code, message: error.message } } satisfies ToolFailure);
        log(`[tool ${spec.name}] ${(error as Error).stack ?? error}`);
        return JSON.stringify({ error: { code: 'internal', message: t(ctx.locale, '查询时出错了，请稍后再试。', 'Something went wrong while looking that up. Please try again.') } } satisfies ToolFailure);
      }
    },
    { name: spec.name, description: spec.description, schema: spec.input as z.ZodObject },
  );
}
