using FastBooking.Application.Common;
using FastEndpoints;
using FluentValidation;

namespace FastBooking.Api.Features.Events.List;

/// <summary>The feed after a cursor: <c>after</c> (an event's <c>cursor</c> or the <c>next</c> of a page; none: from the start), <c>limit</c>.</summary>
public sealed class Request
{
    public string? After { get; set; }
    public int? Limit { get; set; }

    public long AfterPosition => After is null ? 0 : long.Parse(After);

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.After).Must(a => long.TryParse(a, System.Globalization.NumberStyles.None, null, out _))
                .WithMessage("must be the cursor of an event or the next of a page").When(r => r.After is not null);
            RuleFor(r => r.Limit).InclusiveBetween(1, PageRequest.MaxLimit).When(r => r.Limit is not null);
        }
    }
}
