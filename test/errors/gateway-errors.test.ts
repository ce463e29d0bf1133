import { describe, expect, it } from "@jest/globals";
import { BadRequestError, GATEWAY_ERROR_CODES, UnauthenticatedError, UpstreamFailureError } from "../../src/errors/gateway-errors.js";
import { UPSTREAM_CODES, UpstreamError } from "../../src/model/index.js";

describe("the gateway's typed errors", () => {
  it("keep the provider's UpstreamError as their cause, with its code and provider in extensions", () => {
    const cause = new UpstreamError("TELNYX", "UPSTREAM_RATE_LIMITED", "Telnyx answered 429.", { accountId: "default", retryAfterMs: 1500 });
    const error = new UpstreamFailureError(cause, ["default"]);
    expect(error.originalError).toBe(cause);
    expect(error.code).toBe("UPSTREAM_RATE_LIMITED");
    expect(error.toJSON()).toEqual({ message: "Telnyx answered 429.", extensions: { code: "UPSTREAM_RATE_LIMITED", provider: "TELNYX", accountIds: ["default"], retryAfterSeconds: 2 } });
  });

  it("answer routes beside /graphql with a GraphQL body that leaves Apollo's http extension out", () => {
    const error = new UnauthenticatedError("This gateway needs an API key.");
    expect(error.httpStatus).toBe(401);
    expect(error.responseBody()).toEqual({ errors: [{ message: "This gateway needs an API key.", extensions: { code: "UNAUTHENTICATED" } }] });
    expect(new BadRequestError("too large", 413).httpStatus).toBe(413);
  });

  it("name every code in one union, the upstream codes among them", () => {
    expect(GATEWAY_ERROR_CODES).toEqual(expect.arrayContaining([...UPSTREAM_CODES, "BAD_USER_INPUT", "BAD_REQUEST", "UNAUTHENTICATED", "INTERNAL_SERVER_ERROR"]));
  });
});
