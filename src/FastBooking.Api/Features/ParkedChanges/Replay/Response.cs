using FastBooking.Application.ReadModel.Parked;

namespace FastBooking.Api.Features.ParkedChanges.Replay;

/// <summary>The rows applied and unparked, and those that failed again (with their new error).</summary>
public sealed record Response(IReadOnlyList<long> Replayed, IReadOnlyList<ParkedChangeResponse> StillParked)
{
    public static Response Example => new([41827], [ParkedChangeResponse.Example with { Attempts = 4 }]);

    public static Response From(ReplayReport report) => new(report.Replayed, report.StillParked.Select(ParkedChangeResponse.From).ToList());
}
