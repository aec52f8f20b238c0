// What a model is told about each tool: the description, units and date format, and one example call that the
// tool's own schema accepts (so an example can never drift from the arguments the tool takes).
import { describe, expect, it } from 'vitest';
import { describeForModel } from '../../agents/tool-adapter.ts';
import { TOOLS } from '../../tools/index.ts';

describe.each(TOOLS.map((t) => [t.name, t] as const))('%s', (_name, spec) => {
  it('has an example its own input schema accepts', () => {
    const parsed = spec.input.safeParse(spec.example);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it('tells the model the units, the date format and the example', () => {
    const text = describeForModel(spec);
    expect(text).toContain('yuan');
    expect(text).toContain('YYYY-MM-DD');
    expect(text).toContain(`Example arguments: ${JSON.stringify(spec.example)}`);
  });
});
