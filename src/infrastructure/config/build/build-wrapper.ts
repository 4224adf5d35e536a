import type { RequestParameters, Wrapper } from '../../../domain/routing/wrapper';
import type { WrapperDocument } from '../schemas/wrapper-schema';

export function buildWrapper(name: string, wrapper: WrapperDocument): Wrapper {
  return {
    name,
    target: wrapper.target,
    ...(wrapper.description === undefined ? {} : { description: wrapper.description }),
    defaults: presentParameters(wrapper.defaults),
    overrides: presentParameters(wrapper.overrides),
  };
}

/** Keeps only the parameters the file sets, frozen. */
function presentParameters(table: Readonly<Record<string, unknown>> | undefined): RequestParameters {
  const parameters: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(table ?? {})) if (value !== undefined) parameters[key] = value;
  return Object.freeze(parameters);
}
