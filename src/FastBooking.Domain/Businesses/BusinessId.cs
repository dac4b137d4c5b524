namespace FastBooking.Domain.Businesses;

public readonly record struct BusinessId(Guid Value)
{
    public override string ToString() => Value.ToString();
}
