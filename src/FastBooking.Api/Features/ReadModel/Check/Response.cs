using FastBooking.Api.Common;
using FastBooking.Application.ReadModel.Check;

namespace FastBooking.Api.Features.ReadModel.Check;

/// <param name="Pending">Staff-days differing only by bookings the projector has yet to apply (covered meanwhile by their stand-ins).</param>
public sealed record Response(bool Consistent, bool RedisAnswered, int StaffDaysCompared, int Pending, IReadOnlyList<Response.DifferenceDto> Differences)
{
    /// <summary>One staff-day where Redis and PostgreSQL disagree ("missing" or "different"); Minutes are elapsed since the local day began.</summary>
    public sealed record DifferenceDto(Guid StaffId, string Date, string Kind, IReadOnlyList<int> Minutes);

    public static Response Example => new(false, true, 140, 0, [new(Guid.Parse("00000000-0000-4000-8001-000000000003"), "2026-12-01", "missing", [])]);

    public static Response From(ConsistencyReport report) => new(report.Consistent, report.RedisAnswered, report.StaffDaysCompared, report.Pending,
        report.Differences.Select(d => new DifferenceDto(d.StaffId, ApiFormats.Format(d.Date), d.Kind, d.Minutes)).ToList());
}
