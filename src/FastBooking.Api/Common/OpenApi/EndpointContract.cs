using FastBooking.Application.Common;

namespace FastBooking.Api.Common.OpenApi;

/// <summary>
/// What an endpoint declares for the published contract beside its success answer: the refusals of its use case.
/// The answers every endpoint of a kind can give (401, 429, 503; 400, 413 and 415 for a body; 404 for a path id; the
/// Idempotency-Key's 422) are added by <see cref="OperationContract"/>, so they are worded once.
/// </summary>
public sealed record DeclaredRefusals(IReadOnlyList<ErrorCode> Codes);

public static class EndpointContract
{
    /// <summary>The JSON body the endpoint reads (a cleared description no longer names it).</summary>
    public static RouteHandlerBuilder Takes<T>(this RouteHandlerBuilder b) where T : notnull => b.Accepts<T>("application/json");

    /// <summary>The success answer: its status and JSON body.</summary>
    public static RouteHandlerBuilder Answers<T>(this RouteHandlerBuilder b, int status) => b.Produces<T>(status, "application/json");

    /// <summary>A success without a body (204).</summary>
    public static RouteHandlerBuilder AnswersNoContent(this RouteHandlerBuilder b) => b.Produces(StatusCodes.Status204NoContent);

    /// <summary>The problems the use case refuses with; <see cref="ErrorCode.VersionMismatch"/> also documents If-Match.</summary>
    public static RouteHandlerBuilder Refuses(this RouteHandlerBuilder b, params ErrorCode[] codes) => b.WithMetadata(new DeclaredRefusals(codes));
}
