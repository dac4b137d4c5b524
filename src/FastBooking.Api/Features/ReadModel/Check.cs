using FastBooking.Api.Common;
using FastBooking.Infrastructure.ReadModel;
using FastEndpoints;
using FluentValidation;

namespace FastBooking.Api.Features.ReadModel;

public sealed class CheckRequest
{
    public string? From { get; set; }
    public string? To { get; set; }

    public sealed class Validator : Validator<CheckRequest>
    {
        public Validator()
        {
            this.LocalDateRange(r => r.From, r => r.To, 92);
        }
    }
}

public sealed record CheckResponse(bool Consistent, bool RedisAnswered, int StaffDaysCompared, IReadOnlyList<DifferenceDto> Differences);

/// <summary>One staff-day where Redis and PostgreSQL disagree ("missing" or "different"); Minutes are elapsed since the local day began.</summary>
public sealed record DifferenceDto(Guid StaffId, string Date, string Kind, IReadOnlyList<int> Minutes);

/// <summary>Compares the Redis bitmaps with a fresh projection from PostgreSQL and lists every difference.</summary>
public sealed class Check(ConsistencyCheck check) : Endpoint<CheckRequest, CheckResponse>
{
    public override void Configure() => Get("/read-model/check");

    public override async Task HandleAsync(CheckRequest req, CancellationToken ct)
    {
        var report = await check.RunAsync(HttpContext.BusinessId(), ApiFormats.ParseDate(req.From!), ApiFormats.ParseDate(req.To!), ct);
        await Send.OkAsync(new CheckResponse(report!.RedisAnswered && report.Differences.Count == 0, report.RedisAnswered, report.StaffDaysCompared,
            report.Differences.Select(d => new DifferenceDto(d.StaffId, ApiFormats.Format(d.Date), d.Kind,
                d.Minutes)).ToList()), ct);
    }
}
