import type { ConfigIssue } from '../../application/config/gateway-snapshot';
import { maskCredentials } from '../../domain/secrets/mask-credentials';

/** Shorter text taken from the environment is hidden only where it is quoted, so that ordinary words survive. */
const SHORTEST_UNQUOTED = 6;

/**
 * The last guard before an issue leaves the loader: names and references are echoed by many checks
 * (`no provider is named "…"`), and any of them may have come from a `${VAR}`. Every text taken
 * from the environment is replaced by its length, and anything shaped like a credential is masked.
 */
export function hideEnvironmentText(issues: readonly ConfigIssue[], fromEnvironment: ReadonlySet<string>): ConfigIssue[] {
  const longestFirst = [...fromEnvironment].filter((text) => text !== '').sort((a, b) => b.length - a.length);
  return issues.map((issue) => hideIn(issue, longestFirst));
}

function hideIn(issue: ConfigIssue, longestFirst: readonly string[]): ConfigIssue {
  let message = issue.message;
  for (const text of longestFirst) {
    if (!message.includes(text)) continue;
    const hidden = `a value from the environment (${text.length} characters)`;
    message = message.split(`"${text}"`).join(hidden);
    if (text.length >= SHORTEST_UNQUOTED) message = message.split(text).join(hidden);
  }
  message = maskCredentials(message);
  return message === issue.message ? issue : { ...issue, message };
}
