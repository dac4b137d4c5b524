using FastBooking.Api.Common;
using FastBooking.Application.Catalog.Rules.Get;
using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;
using FastEndpoints;

namespace FastBooking.Api.Features.Rules.Get;

public sealed class Endpoint(IHandler<GetRules, BookingRules> get) : EndpointWithoutRequest<RulesDto>
{
    public override void Configure() => Get("/business/rules");

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.ResultAsync((await get.HandleAsync(new GetRules(HttpContext.BusinessId()), ct)).ToHttp(RulesDto.From));
}
