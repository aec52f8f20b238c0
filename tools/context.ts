// What every tool gets: who is asking (from the adapter, never from the model) and the store.
import type { z } from 'zod';
import type { Store } from '../prisma/store.ts';
import type { ProductIndex } from './catalogue/product-search.ts';
import type { ImageCatalogue } from './scan-to-buy/image-catalogue.ts';
import type { ScanMemory } from './scan-to-buy/scan-memory.ts';

export type Locale = 'zh' | 'en';
export type Caller = { role: 'shopper'; customerId: number } | { role: 'merchant'; merchantId: number };
export type LatLng = { lat: number; lng: number };

export type CallerContext = {
  caller: Caller;
  locale: Locale;
  /** Last location the caller shared in this chat (or stored on their profile). */
  location?: LatLng;
  /** The clock; tests pin it. */
  now: Date;
  /** Where write tools put what they propose (never run by the model; see agents/proposals.ts). */
  consent?: Consent;
  /** The user's own message this turn, from the adapter: tools whose instruction is the user's words check them here. */
  userText?: string;
  /** A photo sent with this message (JPEG/PNG/WebP bytes), for scan_to_buy. */
  photo?: Uint8Array;
  /** Set only when the user approved a proposal: the write it runs (unique per written row). */
  proposalId?: number;
};

/** The chat a write would be proposed in, and how to propose it (the system shows it and waits for the user's yes). */
export type Consent = { chatKey: string; propose: (tool: string, args: unknown, preview: string) => Promise<number> };

export type ToolDeps = {
  db: Store; products: ProductIndex; images: ImageCatalogue; scans: ScanMemory; /** background work's log lines (the assistant's log) */ log?: (line: string) => void;
  /** Told when a shopper's message for a shop was stored, so the relay posts it now (it also polls). */
  relay?: { queued(): void };
};

export type ToolErrorCode = 'forbidden' | 'not_found' | 'invalid_input' | 'unavailable';

/** An error the user should read (the agent shows its message); anything else is a bug, logged. */
export class ToolError extends Error {
  constructor(public code: ToolErrorCode, message: string) {
    super(message);
  }
}

export type ToolSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = {
  name: string;
  description: string;
  /** One call's arguments, shown to LLMs with the description (checked against `input` by the tests). */
  example: z.input<I>;
  /** τ²-bench style: reads never change the store; writes need the user's confirmation. */
  access: 'read' | 'write';
  /** Writes wait for the user's yes unless this is false (when the user's message itself is the instruction). */
  needsConfirmation?: boolean;
  roles: readonly Caller['role'][];
  input: I;
  output: O;
  run: (deps: ToolDeps, ctx: CallerContext, input: z.output<I>) => Promise<z.input<O>>;
  /** Write tools: what will be written, in words, shown for the user's yes before anything changes. */
  preview?: (deps: ToolDeps, ctx: CallerContext, input: z.output<I>) => Promise<{ text: string } | { problem: z.input<O> }>;
};

export function defineTool<I extends z.ZodType, O extends z.ZodType>(spec: ToolSpec<I, O>): ToolSpec<I, O> {
  return spec;
}

/** zh/en pick for user-facing text produced inside tools (names, error messages). */
export function t(locale: Locale, zh: string, en: string): string {
  return locale === 'zh' ? zh : en;
}

/** The calling shopper's id; tools for shoppers only (the adapter checks roles too, this keeps types honest). */
export function shopperId(ctx: CallerContext): number {
  if (ctx.caller.role !== 'shopper') throw new ToolError('forbidden', t(ctx.locale, '这个功能只对顾客开放。', 'This is for shoppers only.'));
  return ctx.caller.customerId;
}
