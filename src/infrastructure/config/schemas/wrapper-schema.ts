import { z } from 'zod';
import { entityKeys } from './entity-keys';
import { nonEmptyText, strictTable } from './toml-fields';

/** Request parameters a wrapper may set; any TOML value is passed through as it is. */
export const RequestParameterKeyValues = [
  'temperature',
  'top_p',
  'max_tokens',
  'max_completion_tokens',
  'presence_penalty',
  'frequency_penalty',
  'stop',
  'seed',
  'user',
  'response_format',
  'reasoning_effort',
  'parallel_tool_calls',
  'n',
  'logprobs',
  'top_logprobs',
  'service_tier',
] as const;

const anyValue = z.unknown().optional();
const parameterShape = Object.fromEntries(RequestParameterKeyValues.map((key) => [key, anyValue])) as Record<
  (typeof RequestParameterKeyValues)[number],
  typeof anyValue
>;

const parameterTable = strictTable(parameterShape);

export const wrapperSchema = strictTable({
  ...entityKeys(),
  target: nonEmptyText(),
  defaults: parameterTable.optional(),
  overrides: parameterTable.optional(),
});

export type WrapperDocument = z.output<typeof wrapperSchema>;
