import type { LlmClient, UpstreamCall, UpstreamResult } from '../../application/ports/llm-client';
import type { ProviderSpec } from '../../domain/provider/provider-spec';
import type { UpstreamConnections } from './http/upstream-connections';
import { MockClient } from './mock/mock-client';
import { OpenAiCompatibleClient } from './openai/openai-compatible-client';

/** The LLM-client port: sends each call to the adapter of its provider's protocol. */
export class ProtocolDispatchingClient implements LlmClient {
  private readonly openai: OpenAiCompatibleClient;
  private readonly mock = new MockClient();

  public constructor(private readonly connections: UpstreamConnections) {
    this.openai = new OpenAiCompatibleClient(connections);
  }

  public call(call: UpstreamCall): Promise<UpstreamResult> {
    const protocol = call.instance.provider.protocol;
    switch (protocol) {
      case 'openai':
        return this.openai.call(call);
      case 'mock':
        return this.mock.call(call);
      default: {
        const unreachable: never = protocol;
        throw new RangeError(`no adapter for protocol ${String(unreachable)}`);
      }
    }
  }

  public retainConnections(providers: readonly ProviderSpec[]): void {
    this.connections.retainOnly(providers);
  }

  public close(): Promise<void> {
    return this.connections.close();
  }
}
