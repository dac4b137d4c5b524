using FastBooking.Api.Common;
using FastBooking.Infrastructure.ReadModel;
using FastEndpoints;

namespace FastBooking.Api.Features.Holds;

public sealed class ReleaseRequest
{
    public string? Token { get; set; }
}

/// <summary>Releases a hold at once (it would also expire by itself).</summary>
public sealed class Release(HoldPlacement placement) : Endpoint<ReleaseRequest>
{
    public override void Configure() => Delete("/holds/{token}");

    public override async Task HandleAsync(ReleaseRequest req, CancellationToken ct)
    {
        var released = await placement.ReleaseAsync(HttpContext.BusinessId(), req.Token!);
        if (released is null) await Send.ResultAsync(new Problem("holds_unavailable", "Redis did not answer; the hold will expire by itself."));
        else if (released == false) await Send.ResultAsync(Problem.NotFound("No such hold."));
        else await Send.NoContentAsync(ct);
    }
}
