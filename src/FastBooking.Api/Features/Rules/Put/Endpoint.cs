using FastBooking.Api.Common;
using FastBooking.Application.Catalog.Rules.Put;
using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;
using FastEndpoints;

namespace FastBooking.Api.Features.Rules.Put;

/// <summary>Replaces the business's booking rules; the body and the answer are the rules.</summary>
public sealed class Endpoint(IHandler<PutRules, BookingRules> put) : Endpoint<RulesDto, RulesDto>
{
    public override void Configure()
    {
        Put("/business/rules");
        Validator<RulesDto.Validator>();
    }

    public override async Task HandleAsync(RulesDto req, CancellationToken ct) =>
        await Send.ResultAsync((await put.HandleAsync(new PutRules(HttpContext.BusinessId(), req.ToRules()), ct)).ToHttp(RulesDto.From));
}
