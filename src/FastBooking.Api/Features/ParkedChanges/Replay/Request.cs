using FastEndpoints;
using FluentValidation;

namespace FastBooking.Api.Features.ParkedChanges.Replay;

public sealed class Request
{
    /// <summary>The rows to replay; none or absent: every parked row.</summary>
    public List<long>? OutboxIds { get; set; }

    public static Request Example => new() { OutboxIds = [ParkedChangeResponse.Example.OutboxId, 41827] };

    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.OutboxIds!.Count).LessThanOrEqualTo(1000).When(r => r.OutboxIds is not null);
    }
}
