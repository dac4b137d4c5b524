namespace FastBooking.Domain.Holds;

public readonly record struct HoldToken(string Value)
{
    public override string ToString() => Value;
}
