/**
 * A string in which some `${VAR}` could not be replaced because VAR is unset. It keeps the
 * placeholders as written and travels through `extends` merging like any other value, so that a
 * provider inheriting it is disabled too.
 */
export class UnresolvedText {
  public constructor(
    public readonly text: string,
    public readonly variables: readonly string[],
  ) {}
}
