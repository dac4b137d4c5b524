namespace FastBooking.Domain.Staff;

/// <summary>Compared like its canonical string, so "sorted staff ids" means the same thing in code and in JSON.</summary>
public readonly record struct StaffId(Guid Value) : IComparable<StaffId>
{
    public int CompareTo(StaffId other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString();
}
