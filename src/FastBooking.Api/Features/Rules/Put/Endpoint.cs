using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
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
        Description(d => d.Takes<RulesDto>().Answers<RulesDto>(StatusCodes.Status200OK), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Replace the booking rules";
            s.Description = "Replaces all of the business's booking rules; they apply from the next availability read and booking on. " +
                "`slotIntervalMinutes` must divide 1440 (the grid restarts at every local midnight), `holdTtlSeconds` is 10–3600.";
            s.ExampleRequest = RulesDto.Example;
            s.ResponseExamples[StatusCodes.Status200OK] = RulesDto.Example;
        });
    }

    public override async Task HandleAsync(RulesDto req, CancellationToken ct) =>
        await Send.ResultAsync((await put.HandleAsync(new PutRules(HttpContext.BusinessId(), req.ToRules()), ct)).ToHttp(RulesDto.From));
}
