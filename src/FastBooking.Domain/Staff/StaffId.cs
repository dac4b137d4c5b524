namespace FastBooking.Domain.Staff;

/// <summary>A staff member's id; never <see cref="Guid.Empty"/>. Compared like its canonical string, so "sorted staff ids" means the same thing in code and in JSON.</summary>
public readonly record struct StaffId : IComparable<StaffId>
{
    public StaffId(Guid value) => Value = value != Guid.Empty ? value : throw new ArgumentException("An id is never empty.", nameof(value));

    public Guid Value { get; }

    public int CompareTo(StaffId other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString();
}
