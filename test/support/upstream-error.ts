import { expect } from "@jest/globals";
import { UpstreamError } from "../../src/model/index.js";

/** The `UpstreamError` a provider call must fail with (the test fails if it resolves or throws anything else). */
export async function upstreamFailure(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UpstreamError);
  return error as UpstreamError;
}

/** `upstreamFailure` that keeps every error it returns, for a later check that none of them carries a secret. */
export function collectUpstreamFailures() {
  const errors: UpstreamError[] = [];
  const failure = async (promise: Promise<unknown>) => {
    const error = await upstreamFailure(promise);
    errors.push(error);
    return error;
  };
  return { errors, failure };
}

/** Everything an error can show: message, stack and its serialised form. */
export const everythingIn = (error: Error) => `${error.message} ${error.stack} ${JSON.stringify(error)}`;
