import { openAiProvider, poolOf } from '../../support/config-tree';
import { CapturingLogger } from '../../support/capturing-logger';
import { chatBody, postChat } from '../../support/chat-requests';
import { eventually, Harness } from '../support/gateway-harness';

const TRANSITION = 'breaker transition';

/** Opens after 2 failed calls of 2; first trial 300 ms after opening. */
const BREAKER = '[circuit_breaker]\nvolume_threshold = 2\nerror_threshold_percentage = 50\nreset_timeout_ms = 300\nmax_reset_timeout_ms = 300\nhalf_open_trials = 1';

describe('breaker transitions are logged', () => {
  const harness = new Harness();
  afterEach(() => harness.close());

  it('logs one line naming the instance when its breaker opens, and again through half-open to closed', async () => {
    const failing = await harness.upstream({ failureRate: 1, failureStatus: 500 });
    const healthy = await harness.upstream();
    const logger = new CapturingLogger();
    const gateway = await harness.gateway(
      {
        'providers/failing.toml': openAiProvider(failing.url),
        'providers/healthy.toml': openAiProvider(healthy.url),
        'pools/p.toml': `${poolOf(['failing', 'healthy'])}\n${BREAKER}`,
      },
      logger,
    );
    const transitions = (): { instance: unknown; from: unknown; to: unknown }[] =>
      logger.lines
        .filter((line) => line.message === TRANSITION)
        .map(({ fields }) => ({ instance: fields.instance, from: fields.from, to: fields.to }));

    for (let sent = 0; sent < 10 && transitions().length === 0; sent += 1) {
      expect((await postChat(gateway.url, chatBody('p'))).status).toBe(200);
    }
    expect(transitions()).toEqual([{ instance: 'failing', from: 'closed', to: 'open' }]);
    expect(logger.lines.find((line) => line.message === TRANSITION)?.level).toBe('warn');
    expect(failing.stats().failures).toBe(2);

    failing.setKnobs({ failureRate: 0 });
    await eventually(() => transitions().length >= 2);
    expect(transitions()[1]).toEqual({ instance: 'failing', from: 'open', to: 'half_open' });
    // The trial goes to the recovered instance and closes the breaker.
    for (let sent = 0; sent < 4 && transitions().length < 3; sent += 1) {
      expect((await postChat(gateway.url, chatBody('p'))).status).toBe(200);
    }
    expect(transitions()).toEqual([
      { instance: 'failing', from: 'closed', to: 'open' },
      { instance: 'failing', from: 'open', to: 'half_open' },
      { instance: 'failing', from: 'half_open', to: 'closed' },
    ]);
  });
});
