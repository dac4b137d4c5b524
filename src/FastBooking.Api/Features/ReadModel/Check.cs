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
            RuleFor(r => r.From).Must(ApiFormats.IsDate).WithMessage("must be a local date yyyy-MM-dd");
            RuleFor(r => r.To).Must(ApiFormats.IsDate).WithMessage("must be a local date yyyy-MM-dd");
            RuleFor(r => r.To).Must((r, to) => ApiFormats.ParseDate(to!) >= ApiFormats.ParseDate(r.From!)
                                               && ApiFormats.ParseDate(r.From!).PlusDays(92) > ApiFormats.ParseDate(to!))
                .WithMessage("must be on or after from, at most 92 days in all")
                .When(r => ApiFormats.IsDate(r.From) && ApiFormats.IsDate(r.To));
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
