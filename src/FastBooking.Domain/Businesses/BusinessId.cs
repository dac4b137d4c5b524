namespace FastBooking.Domain.Businesses;

/// <summary>A business's id; never <see cref="Guid.Empty"/>.</summary>
public readonly record struct BusinessId
{
    public BusinessId(Guid value) => Value = value != Guid.Empty ? value : throw new ArgumentException("An id is never empty.", nameof(value));

    public Guid Value { get; }

    public override string ToString() => Value.ToString();
}
