using FastBooking.Application.Common;
using FastEndpoints;
using FluentValidation;

namespace FastBooking.Api.Features.ParkedChanges.List;

public sealed class Request
{
    [QueryParam]
    public int? Limit { get; set; }

    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Limit).InclusiveBetween(1, PageRequest.MaxLimit).When(r => r.Limit is not null);
    }
}
