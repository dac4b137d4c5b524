namespace FastBooking.Domain.Services;

public readonly record struct ServiceId(Guid Value)
{
    public override string ToString() => Value.ToString();
}
