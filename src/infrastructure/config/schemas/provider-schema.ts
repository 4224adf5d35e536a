import { z } from 'zod';
import { ProviderProtocolValues } from '../../../domain/provider/provider-spec';
import { entityKeys } from './entity-keys';
import { expecting, integerAtLeast, oneOf, strictTable, stringTable, text } from './toml-fields';

export const ANTHROPIC_PROTOCOL_MESSAGE =
  'native anthropic protocol is not supported yet; use protocol = "openai" with Anthropic\'s ' +
  'OpenAI-compatible base URL (https://api.anthropic.com/v1)';

const mockTable = strictTable({
  latency_ms: integerAtLeast(0).default(0),
  chunk_delay_ms: integerAtLeast(0).default(0),
  reply: text().optional(),
});

/**
 * `base_url` must be an http(s) URL (trailing slash dropped), unless it holds an unset environment
 * variable: the provider is then disabled and its URL is never used.
 */
function createProviderSchema(checkBaseUrl: boolean) {
  const baseUrl = checkBaseUrl
    ? z.string({ error: expecting('an http(s) URL') }).refine(isHttpUrl, { error: expecting('an http(s) URL') })
    : text();
  return strictTable({
    ...entityKeys(),
    protocol: oneOf(ProviderProtocolValues, (input) =>
      input === 'anthropic' ? ANTHROPIC_PROTOCOL_MESSAGE : undefined,
    ),
    base_url: baseUrl.transform((url) => url.replace(/\/+$/, '')).optional(),
    api_key: text().optional(),
    headers: stringTable().optional(),
    connect_timeout_ms: integerAtLeast(1).optional(),
    request_timeout_ms: integerAtLeast(1).optional(),
    idle_timeout_ms: integerAtLeast(1).optional(),
    max_connections: integerAtLeast(1).optional(),
    max_response_bytes: integerAtLeast(1024).optional(),
    mock: mockTable.optional(),
  }).superRefine((provider, context) => {
    if (provider.protocol === 'openai' && provider.base_url === undefined) {
      const message = 'required key is missing; protocol "openai" needs an http(s) URL';
      context.addIssue({ code: 'custom', path: ['base_url'], message });
    }
    if (provider.mock !== undefined && provider.protocol !== 'mock') {
      context.addIssue({
        code: 'custom',
        path: ['mock'],
        message: `[mock] is allowed only when protocol = "mock", but protocol = "${provider.protocol}"`,
      });
    }
  });
}

const checkedProviderSchema = createProviderSchema(true);
const uncheckedBaseUrlProviderSchema = createProviderSchema(false);

export type ProviderDocument = z.output<typeof checkedProviderSchema>;

export function providerSchema(baseUrlResolved: boolean): typeof checkedProviderSchema {
  return baseUrlResolved ? checkedProviderSchema : uncheckedBaseUrlProviderSchema;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
