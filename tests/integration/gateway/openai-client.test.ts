import OpenAI from 'openai';
import { groupOf, openAiProvider, poolOf } from '../../support/config-tree';
import { Harness } from '../support/gateway-harness';

describe('the official openai client against the gateway', () => {
  const harness = new Harness();
  let client: OpenAI;

  beforeAll(async () => {
    const upstream = await harness.upstream({ chunks: 4, reply: 'Routed by Switchyard' });
    const gateway = await harness.gateway({
      'providers/u.toml': openAiProvider(upstream.url),
      'pools/p.toml': poolOf(['u']),
      'task-groups/chat.toml': groupOf({ only: ['p'] }),
    });
    client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0 });
  });
  afterAll(() => harness.close());

  it('creates a completion', async () => {
    const completion = await client.chat.completions.create({
      model: 'chat',
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(completion.choices[0]?.message.content).toBe('Routed by Switchyard');
    expect(completion.usage?.total_tokens).toBeGreaterThan(0);
  });

  it('streams a completion', async () => {
    const stream = await client.chat.completions.create({
      model: 'chat',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
    });
    let text = '';
    let chunks = 0;
    for await (const chunk of stream) {
      chunks += 1;
      text += chunk.choices[0]?.delta.content ?? '';
    }
    expect(text).toBe('Routed by Switchyard');
    expect(chunks).toBeGreaterThan(2);
  });

  it('lists models', async () => {
    const models = [];
    for await (const model of client.models.list()) models.push(model.id);
    expect(models).toEqual(expect.arrayContaining(['chat', 'chat.only', 'p']));
  });

  it('surfaces gateway errors as APIError with status and code', async () => {
    await expect(
      client.chat.completions.create({ model: 'missing', messages: [{ role: 'user', content: 'Hi' }] }),
    ).rejects.toMatchObject({ status: 404, code: 'model_not_found' });
  });
});
