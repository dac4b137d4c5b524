namespace FastBooking.Domain.Appointments;

public readonly record struct AppointmentId(Guid Value)
{
    public override string ToString() => Value.ToString();
}
