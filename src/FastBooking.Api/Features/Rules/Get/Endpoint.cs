using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Catalog.Rules.Get;
using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;
using FastEndpoints;

namespace FastBooking.Api.Features.Rules.Get;

public sealed class Endpoint(IHandler<GetRules, BookingRules> get) : EndpointWithoutRequest<RulesDto>
{
    public override void Configure()
    {
        Get("/business/rules");
        Description(d => d.Answers<RulesDto>(StatusCodes.Status200OK), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Get the booking rules";
            s.Description = "The business's booking rules: the slot grid, lead time, booking window, cancellation and reschedule cut-offs, and hold TTL.";
            s.ResponseExamples[StatusCodes.Status200OK] = RulesDto.Example;
        });
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.ResultAsync((await get.HandleAsync(new GetRules(HttpContext.BusinessId()), ct)).ToHttp(RulesDto.From));
}
