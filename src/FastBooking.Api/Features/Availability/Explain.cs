using FastBooking.Api.Common;
using FastBooking.Infrastructure.Scheduling;
using FastEndpoints;
using FluentValidation;

namespace FastBooking.Api.Features.Availability;

public sealed class ExplainRequest
{
    public string? ServiceId { get; set; }
    public string? StaffId { get; set; }
    public string? Start { get; set; }

    public sealed class Validator : Validator<ExplainRequest>
    {
        public Validator()
        {
            RuleFor(r => r.ServiceId).NotEmpty();
            RuleFor(r => r.StaffId).NotEmpty();
            RuleFor(r => r.Start).Must(ApiFormats.IsInstant).WithMessage("must be an ISO-8601 date-time with offset");
        }
    }
}

public sealed record ReasonDto(string Code, string Detail);

public sealed record ExplainResponse(bool Bookable, IReadOnlyList<ReasonDto> Reasons);

/// <summary>Every reason one start is not bookable for one staff member, or none.</summary>
public sealed class Explain(AvailabilityReader reader) : Endpoint<ExplainRequest, ExplainResponse>
{
    public override void Configure() => Get("/availability/explain");

    public override async Task HandleAsync(ExplainRequest req, CancellationToken ct)
    {
        var explanation = Guid.TryParse(req.ServiceId, out var serviceId) && Guid.TryParse(req.StaffId, out var staffId)
            ? await reader.ExplainAsync(HttpContext.BusinessId(), serviceId, staffId, ApiFormats.ParseInstant(req.Start!), ct)
            : null;
        if (explanation is null)
        {
            await Send.ResultAsync(Problem.NotFound("No such service or staff member."));
            return;
        }
        await Send.OkAsync(new ExplainResponse(explanation.Reasons.Count == 0,
            explanation.Reasons.Select(r => new ReasonDto(r.Code, r.Detail)).ToList()), ct);
    }
}
