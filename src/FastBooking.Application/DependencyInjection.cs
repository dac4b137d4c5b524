using FastBooking.Application.Appointments;
using FastBooking.Application.Appointments.Book;
using FastBooking.Application.Appointments.Cancel;
using FastBooking.Application.Appointments.Get;
using FastBooking.Application.Appointments.List;
using FastBooking.Application.Appointments.Reschedule;
using FastBooking.Application.Availability.Explain;
using FastBooking.Application.Availability.Find;
using FastBooking.Application.Common;
using FastBooking.Application.Holds.Place;
using FastBooking.Application.Holds.Release;
using FastBooking.Application.ReadModel.Check;
using FastBooking.Application.ReadModel.Rebuild;
using Microsoft.Extensions.DependencyInjection;

namespace FastBooking.Application;

public static class DependencyInjection
{
    /// <summary>Every use case, as <see cref="IHandler{TRequest,T}"/>; changes behind the transaction pipeline.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddOptions<BookingOptions>().BindConfiguration(BookingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AfterCommit>();
        services.AddScoped<AppointmentLedger>();
        services.AddScoped<ChangeableAppointment>();
        services.AddScoped<HoldConfirmation>();
        services.AddScoped<Reservations>();

        services.AddChange<BookAppointment, AppointmentAnswer, BookAppointmentHandler>();
        services.AddChange<CancelAppointment, AppointmentAnswer, CancelAppointmentHandler>();
        services.AddChange<RescheduleAppointment, AppointmentAnswer, RescheduleAppointmentHandler>();
        services.AddUseCase<GetAppointment, AppointmentAnswer, GetAppointmentHandler>();
        services.AddUseCase<ListAppointments, AppointmentList, ListAppointmentsHandler>();
        services.AddUseCase<PlaceHold, PlacedHold, PlaceHoldHandler>();
        services.AddUseCase<ReleaseHold, Done, ReleaseHoldHandler>();
        services.AddUseCase<FindAvailability, AvailableSlots, FindAvailabilityHandler>();
        services.AddUseCase<ExplainStart, Explanation, ExplainStartHandler>();
        services.AddUseCase<RebuildReadModel, Done, RebuildReadModelHandler>();
        services.AddUseCase<CheckReadModel, ConsistencyReport, CheckReadModelHandler>();
        return services;
    }

    /// <summary>A read or a change that needs no transaction of its own.</summary>
    public static IServiceCollection AddUseCase<TRequest, T, THandler>(this IServiceCollection services)
        where THandler : class, IHandler<TRequest, T> =>
        services.AddScoped<IHandler<TRequest, T>, THandler>();

    /// <summary>A change of stored state: its work runs inside <see cref="InTransaction{TCommand,T}"/>.</summary>
    public static IServiceCollection AddChange<TCommand, T, THandler>(this IServiceCollection services)
        where TCommand : IChange
        where THandler : class, IChangeHandler<TCommand, T>
    {
        services.AddScoped<IChangeHandler<TCommand, T>, THandler>();
        return services.AddScoped<IHandler<TCommand, T>, InTransaction<TCommand, T>>();
    }
}
