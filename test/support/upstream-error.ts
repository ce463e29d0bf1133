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
