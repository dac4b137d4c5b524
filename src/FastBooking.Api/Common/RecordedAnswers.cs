using FastBooking.Api.Features.Appointments;
using FastBooking.Api.Features.Services;
using FastBooking.Api.Features.Staff;
using FastBooking.Application.ApiKeys.Create;
using FastBooking.Application.Appointments;
using FastBooking.Application.Catalog;
using FastBooking.Application.Holds.Place;
using FastBooking.Application.Idempotency;
using FastBooking.Application.Resources;
using FastBooking.Application.Resources.Outages.Add;
using FastBooking.Application.Schedules.TimeOff.Add;
using FastBooking.Application.Visits;
using FastBooking.Application.Webhooks;

namespace FastBooking.Api.Common;

public static class RecordedAnswers
{
    /// <summary>
    /// The changes that honour an Idempotency-Key record their answers with the response mapping their endpoints send,
    /// so that a replay is the first answer byte for byte.
    /// </summary>
    public static IServiceCollection AddRecordedAnswers(this IServiceCollection services) => services
        .AddSingleton<IAnswerRenderer<AppointmentAnswer>>(new AnswerRenderer<AppointmentAnswer>(AppointmentResponse.From))
        .AddSingleton<IAnswerRenderer<PlacedHold>>(new AnswerRenderer<PlacedHold>(Features.Holds.Place.Response.From))
        .AddSingleton<IAnswerRenderer<StaffMember>>(new AnswerRenderer<StaffMember>(StaffResponse.From))
        .AddSingleton<IAnswerRenderer<ServiceRecord>>(new AnswerRenderer<ServiceRecord>(ServiceResponse.From))
        .AddSingleton<IAnswerRenderer<TimeOffAnswer>>(new AnswerRenderer<TimeOffAnswer>(Features.Schedules.TimeOff.Add.Response.From))
        .AddSingleton<IAnswerRenderer<ResourceKind>>(new AnswerRenderer<ResourceKind>(Features.Resources.ResourceKindResponse.From))
        .AddSingleton<IAnswerRenderer<OutageAnswer>>(new AnswerRenderer<OutageAnswer>(Features.Resources.Outages.Add.Response.From))
        .AddSingleton<IAnswerRenderer<VisitAnswer>>(new AnswerRenderer<VisitAnswer>(Features.Visits.VisitResponse.From))
        .AddSingleton<IAnswerRenderer<CreatedApiKey>>(new AnswerRenderer<CreatedApiKey>(Features.ApiKeys.Create.Response.From))
        .AddSingleton<IAnswerRenderer<RegisteredWebhook>>(new AnswerRenderer<RegisteredWebhook>(Features.Webhooks.Register.Response.From));
}
