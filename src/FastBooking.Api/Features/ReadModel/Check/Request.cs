using FastBooking.Api.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.ReadModel.Check;

public sealed class Request
{
    public string? From { get; set; }
    public string? To { get; set; }

    public sealed class Validator : Validator<Request>
    {
        public Validator() => this.LocalDateRange(r => r.From, r => r.To, 92);
    }
}
