// ESM entry point: re-exports the CommonJS build so both module systems share one implementation.
import switchyard from '../dist/index.js';

export const {
  createGateway,
  startServer,
  startMockUpstream,
  SwitchyardError,
  SwitchyardErrorCodeValues,
  isSwitchyardError,
} = switchyard;
export default switchyard;
