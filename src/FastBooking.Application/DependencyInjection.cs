using FastBooking.Application.ApiKeys;
using FastBooking.Application.ApiKeys.Create;
using FastBooking.Application.ApiKeys.List;
using FastBooking.Application.ApiKeys.Revoke;
using FastBooking.Application.Appointments;
using FastBooking.Application.Appointments.Book;
using FastBooking.Application.Appointments.Cancel;
using FastBooking.Application.Appointments.Get;
using FastBooking.Application.Appointments.List;
using FastBooking.Application.Appointments.Reschedule;
using FastBooking.Application.Availability;
using FastBooking.Application.Availability.Explain;
using FastBooking.Application.Availability.Find;
using FastBooking.Application.Availability.FindVisit;
using FastBooking.Application.Catalog;
using FastBooking.Application.Catalog.Businesses.Create;
using FastBooking.Application.Catalog.Rules.Get;
using FastBooking.Application.Catalog.Rules.Put;
using FastBooking.Application.Catalog.Services.Create;
using FastBooking.Application.Catalog.Services.Delete;
using FastBooking.Application.Catalog.Services.Get;
using FastBooking.Application.Catalog.Services.List;
using FastBooking.Application.Catalog.Services.Update;
using FastBooking.Application.Catalog.Staff.Create;
using FastBooking.Application.Catalog.Staff.Get;
using FastBooking.Application.Catalog.Staff.List;
using FastBooking.Application.Common;
using FastBooking.Application.Holds.Place;
using FastBooking.Application.Holds.Release;
using FastBooking.Application.ReadModel.Check;
using FastBooking.Application.ReadModel.Parked;
using FastBooking.Application.ReadModel.Rebuild;
using FastBooking.Application.Resources;
using FastBooking.Application.Resources.Create;
using FastBooking.Application.Resources.Get;
using FastBooking.Application.Resources.List;
using FastBooking.Application.Resources.Outages.Add;
using FastBooking.Application.Resources.Outages.Remove;
using FastBooking.Application.Schedules.Deactivate;
using FastBooking.Application.Schedules.Overrides.Put;
using FastBooking.Application.Schedules.Overrides.Remove;
using FastBooking.Application.Schedules.TimeOff.Add;
using FastBooking.Application.Schedules.TimeOff.Remove;
using FastBooking.Application.Schedules.WeeklyRanges;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Schedules;
using Microsoft.Extensions.DependencyInjection;

using FastBooking.Application.ChangeFeed.List;
using FastBooking.Application.Visits;
using FastBooking.Application.Visits.Book;
using FastBooking.Application.Visits.Cancel;
using FastBooking.Application.Visits.Get;
using FastBooking.Application.Webhooks;
using FastBooking.Application.Webhooks.Deliveries;
using FastBooking.Application.Webhooks.List;
using FastBooking.Application.Webhooks.Register;
using FastBooking.Application.Webhooks.Remove;
using FastBooking.Application.Webhooks.Resend;

namespace FastBooking.Application;

public static class DependencyInjection
{
    /// <summary>Every use case, as <see cref="IHandler{TRequest,T}"/>; changes behind the transaction pipeline.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddOptions<BookingOptions>().BindConfiguration(BookingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<EngineMetrics>();
        services.AddScoped<AfterCommit>();
        services.AddScoped<AppointmentLedger>();
        services.AddScoped<ChangeableAppointment>();
        services.AddScoped<HoldConfirmation>();
        services.AddScoped<Reservations>();

        services.AddChange<BookAppointment, AppointmentAnswer, BookAppointmentHandler>();
        services.AddChange<CancelAppointment, AppointmentAnswer, CancelAppointmentHandler>();
        services.AddChange<RescheduleAppointment, AppointmentAnswer, RescheduleAppointmentHandler>();
        services.AddChange<BookVisit, VisitAnswer, BookVisitHandler>();
        services.AddChange<CancelVisit, VisitAnswer, CancelVisitHandler>();
        services.AddUseCase<GetVisit, VisitAnswer, GetVisitHandler>();
        services.AddUseCase<GetAppointment, AppointmentAnswer, GetAppointmentHandler>();
        services.AddUseCase<ListAppointments, AppointmentList, ListAppointmentsHandler>();
        services.AddChange<PlaceHold, PlacedHold, PlaceHoldHandler>();
        services.AddUseCase<ReleaseHold, Done, ReleaseHoldHandler>();
        services.AddScoped<StaffDays>();
        services.AddUseCase<FindAvailability, AvailableSlots, FindAvailabilityHandler>();
        services.AddUseCase<FindVisitAvailability, AvailableVisits, FindVisitAvailabilityHandler>();
        services.AddScoped<AnswerStamps>();
        services.AddUseCase<ExplainStart, Explanation, ExplainStartHandler>();
        services.AddUseCase<RebuildReadModel, Done, RebuildReadModelHandler>();
        services.AddUseCase<CheckReadModel, ConsistencyReport, CheckReadModelHandler>();
        services.AddUseCase<ListParkedChanges, ParkedChanges, ListParkedChangesHandler>();
        services.AddUseCase<ReplayParkedChanges, ReplayReport, ReplayParkedChangesHandler>();

        services.AddChange<CreateBusiness, CreatedBusiness, CreateBusinessHandler>();
        services.AddUseCase<GetRules, BookingRules, GetRulesHandler>();
        services.AddChange<PutRules, BookingRules, PutRulesHandler>();
        services.AddChange<CreateStaff, StaffMember, CreateStaffHandler>();
        services.AddUseCase<GetStaff, StaffMember, GetStaffHandler>();
        services.AddUseCase<ListStaff, Page<StaffMember>, ListStaffHandler>();
        services.AddChange<CreateService, ServiceRecord, CreateServiceHandler>();
        services.AddUseCase<GetService, ServiceRecord, GetServiceHandler>();
        services.AddUseCase<ListServices, Page<ServiceRecord>, ListServicesHandler>();
        services.AddChange<UpdateService, ServiceRecord, UpdateServiceHandler>();
        services.AddChange<DeleteService, Done, DeleteServiceHandler>();
        services.AddChange<ReplaceWeeklyRanges, Week, ReplaceWeeklyRangesHandler>();
        services.AddChange<PutOverride, DateOverride, PutOverrideHandler>();
        services.AddChange<RemoveOverride, Done, RemoveOverrideHandler>();
        services.AddChange<AddTimeOff, TimeOffAnswer, AddTimeOffHandler>();
        services.AddChange<RemoveTimeOff, Done, RemoveTimeOffHandler>();
        services.AddChange<DeactivateStaff, Done, DeactivateStaffHandler>();
        services.AddChange<CreateResourceKind, ResourceKind, CreateResourceKindHandler>();
        services.AddUseCase<ListResourceKinds, IReadOnlyList<ResourceKind>, ListResourceKindsHandler>();
        services.AddUseCase<GetResourceKind, ResourceKind, GetResourceKindHandler>();
        services.AddChange<AddOutage, OutageAnswer, AddOutageHandler>();
        services.AddChange<RemoveOutage, Done, RemoveOutageHandler>();
        services.AddChange<CreateApiKey, CreatedApiKey, CreateApiKeyHandler>();
        services.AddUseCase<ListApiKeys, Page<ApiKeyInfo>, ListApiKeysHandler>();
        services.AddChange<RevokeApiKey, Done, RevokeApiKeyHandler>();

        services.AddUseCase<ListEvents, EventPage, ListEventsHandler>();
        services.AddChange<RegisterWebhook, RegisteredWebhook, RegisterWebhookHandler>();
        services.AddUseCase<ListWebhooks, Page<Webhook>, ListWebhooksHandler>();
        services.AddUseCase<RemoveWebhook, Done, RemoveWebhookHandler>();
        services.AddUseCase<ListDeliveries, Page<WebhookDelivery>, ListDeliveriesHandler>();
        services.AddUseCase<ResendDelivery, WebhookDelivery, ResendDeliveryHandler>();
        return services;
    }

    /// <summary>A read or a change that needs no transaction of its own, measured.</summary>
    public static IServiceCollection AddUseCase<TRequest, T, THandler>(this IServiceCollection services)
        where THandler : class, IHandler<TRequest, T>
    {
        services.AddScoped<THandler>();
        return services.AddScoped<IHandler<TRequest, T>>(sp =>
            new Measured<TRequest, T>(sp.GetRequiredService<THandler>(), sp.GetRequiredService<EngineMetrics>()));
    }

    /// <summary>A change of stored state: its work runs inside <see cref="InTransaction{TCommand,T}"/>, measured.</summary>
    public static IServiceCollection AddChange<TCommand, T, THandler>(this IServiceCollection services)
        where TCommand : IChange
        where THandler : class, IChangeHandler<TCommand, T>
    {
        services.AddScoped<IChangeHandler<TCommand, T>, THandler>();
        services.AddScoped<InTransaction<TCommand, T>>();
        return services.AddScoped<IHandler<TCommand, T>>(sp =>
            new Measured<TCommand, T>(sp.GetRequiredService<InTransaction<TCommand, T>>(), sp.GetRequiredService<EngineMetrics>()));
    }
}
