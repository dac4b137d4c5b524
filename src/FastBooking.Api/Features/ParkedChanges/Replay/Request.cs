using FastEndpoints;
using FluentValidation;

namespace FastBooking.Api.Features.ParkedChanges.Replay;

public sealed class Request
{
    /// <summary>The rows to replay; none or absent: every parked row.</summary>
    public List<long>? OutboxIds { get; set; }

    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.OutboxIds!.Count).LessThanOrEqualTo(1000).When(r => r.OutboxIds is not null);
    }
}
